import type { TDiagnosticStep } from '@/lib/mail/types'
import { cn } from '@/components/ui/cn'

const STAGE_LABELS: Record<TDiagnosticStep['stage'], string> = {
  dns: 'DNS lookup',
  tcp: 'TCP connect',
  tls: 'TLS',
  ehlo: 'EHLO',
  token: 'Access token',
  auth: 'AUTH',
  mail: 'MAIL FROM',
  rcpt: 'RCPT TO',
  data: 'DATA',
  resolve: 'Resolve',
  connect: 'Connect',
  authenticate: 'Authenticate',
  send: 'Send',
  accepted: 'Accepted',
  domain: 'Sender domain',
}

const MARKS = { ok: '✓', failed: '✕', skipped: '–', warning: '!' }

type TDiagnosticStepsProps = {
  steps: TDiagnosticStep[]
  /** Opens the page's Sender domain card (the dialog closes first), for a failure whose fix is in the domain's records. */
  onOpenSenderDomain?: () => void
}

/** The SMTP conversation, stage by stage: a tick for each success, the failure with the server's reply and a fix. */
export function DiagnosticSteps({ steps, onOpenSenderDomain }: TDiagnosticStepsProps) {
  return (
    <ol aria-label="SMTP conversation" className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
      {steps.map((step) => (
        <li key={step.stage} className="flex gap-3 px-3 py-2">
          <span
            aria-label={step.status}
            className={cn(
              'mt-0.5 grid size-5 shrink-0 place-items-center rounded-full text-xs font-bold',
              step.status === 'ok' && 'bg-emerald-100 text-emerald-700',
              step.status === 'failed' && 'bg-red-100 text-red-700',
              step.status === 'skipped' && 'bg-slate-100 text-slate-500',
              step.status === 'warning' && 'bg-amber-100 text-amber-800',
            )}
          >
            {MARKS[step.status]}
          </span>
          <div className="min-w-0">
            <p className="font-medium text-slate-900">{STAGE_LABELS[step.stage]}</p>
            <p className="break-words text-slate-600">{step.detail}</p>
            {step.reply && (
              <p className="mt-1 font-mono text-xs break-words text-slate-700">
                Server replied: {step.code && !step.reply.startsWith(String(step.code)) ? `${step.code} ` : ''}
                {step.reply}
              </p>
            )}
            {step.hint && <p className="mt-1 text-slate-800">Fix: {step.hint}</p>}
            {step.fixIn === 'sender-domain' && (
              <a
                href="#sender-domain"
                className="mt-1 inline-block rounded font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
                onClick={(event) => {
                  if (!onOpenSenderDomain) return
                  event.preventDefault()
                  onOpenSenderDomain()
                }}
              >
                Open Sender domain
              </a>
            )}
          </div>
        </li>
      ))}
    </ol>
  )
}
