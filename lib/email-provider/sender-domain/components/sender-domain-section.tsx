import { formatDateTime } from '@/components/ui/format'
import { SENDER_DOMAIN_RECORDS } from '../labels'
import type { TRecordCheck, TRecordFix, TSenderDomainResult } from '../types'
import { CopyButton } from '@/components/ui/copy-button'
import { RecordStatusBadge } from './record-status-badge'

export type TSenderDomainSectionProps = (
  | { variant?: 'result'; result: TSenderDomainResult }
  /** The Suspense fallback while the check runs. */
  | { variant: 'checking'; domain?: string }
  /** The platform's default provider: its domain is set up by the platform, nothing to fix. */
  | { variant: 'managed'; domain: string | null }
  /** No platform mail service is configured: nothing is sent from any domain until the organization connects its server. */
  | { variant: 'none' }
) & {
  /** A control shown beside the heading (e.g. Check DNS). */
  action?: React.ReactNode
}

/** The Sender domain card: SPF, DKIM and DMARC of the From Address's domain, each with why and the record to add or edit. */
export function SenderDomainSection(props: TSenderDomainSectionProps) {
  return (
    <section
      aria-labelledby="sender-domain"
      aria-busy={props.variant === 'checking' || undefined}
      className="rounded-xl border border-slate-200 bg-white shadow-xs"
    >
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-6 py-4">
        <div className="min-w-0 flex-1">
          <h2 id="sender-domain" className="text-base font-semibold text-slate-900">
            Sender domain
          </h2>
          <Summary {...props} />
        </div>
        {props.action}
      </div>
      {props.variant === 'checking' ? (
        <CheckingRows />
      ) : props.variant === 'managed' || props.variant === 'none' ? null : (
        <ul className="divide-y divide-slate-100">
          {SENDER_DOMAIN_RECORDS.map(({ key, label }) => (
            <RecordRow key={key} label={label} check={props.result[key]} />
          ))}
        </ul>
      )}
    </section>
  )
}

function Summary(props: TSenderDomainSectionProps) {
  if (props.variant === 'none') {
    return (
      <p className="mt-1 text-sm text-slate-600">
        Nothing is sent yet, so there is no sender domain to check: connect your server above, then its From Address’s domain is checked here.
      </p>
    )
  }
  if (props.variant === 'managed') {
    return (
      <p className="mt-1 text-sm text-slate-600">
        {props.domain ? <Domain name={props.domain} /> : 'The platform’s domain'}, managed by the platform: its SPF, DKIM and DMARC records are set up for you.
      </p>
    )
  }
  if (props.variant === 'checking') {
    return (
      <p className="mt-1 text-sm text-slate-600">
        Checking the DNS records{props.domain ? ' of ' : ''}
        {props.domain ? <Domain name={props.domain} /> : null}…
      </p>
    )
  }
  return (
    <p className="mt-1 text-sm text-slate-600">
      DNS records of <Domain name={props.result.domain} /> that let receivers trust your emails · checked {formatDateTime(props.result.checkedAt)}
    </p>
  )
}

function Domain({ name }: { name: string }) {
  return <code className="rounded bg-slate-100 px-1 py-0.5 text-[13px] text-slate-900">{name}</code>
}

function RecordRow({ label, check }: { label: string; check: TRecordCheck }) {
  return (
    <li className="px-6 py-4 text-sm">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h3 className="font-semibold text-slate-900">{label}</h3>
        <RecordStatusBadge status={check.status} />
      </div>
      <p className="mt-1 break-words text-slate-700">{check.why}</p>
      {check.fix && <FixRecord label={label} fix={check.fix} />}
    </li>
  )
}

function FixRecord({ label, fix }: { label: string; fix: TRecordFix }) {
  return (
    <div className="mt-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <p className="text-slate-700">
        {fix.kind === 'add' ? 'Add this' : 'Change the'} {fix.type} record at <code className="font-mono text-[13px] text-slate-900">{fix.name}</code>
        {fix.kind === 'edit' ? ' to' : ''}:
      </p>
      <div className="mt-2 flex items-start gap-2">
        <code className="block min-w-0 flex-1 rounded bg-white px-2 py-1.5 font-mono text-[13px] break-all text-slate-900 ring-1 ring-slate-200">
          {fix.value}
        </code>
        <CopyButton value={fix.value} label={`Copy ${label} record`} />
      </div>
    </div>
  )
}

function CheckingRows() {
  return (
    <ul className="divide-y divide-slate-100" aria-hidden>
      {SENDER_DOMAIN_RECORDS.map(({ key, label }) => (
        <li key={key} className="px-6 py-4 text-sm">
          <div className="flex items-center gap-3">
            <span className="font-semibold text-slate-900">{label}</span>
            <span className="h-5 w-16 animate-pulse rounded-full bg-slate-200" />
          </div>
          <span className="mt-2 block h-4 w-3/4 animate-pulse rounded bg-slate-100" />
        </li>
      ))}
    </ul>
  )
}
