import Link from 'next/link'
import { notFound } from 'next/navigation'
import { requireOrgAccess, SETTINGS_ROLES } from '@/lib/auth/server/session'
import { openCapturedMessage } from '@/lib/delivery/server/outbox/captured-view'
import { formatDateTime } from '@/components/ui/format'
import { routes } from '@/lib/routes'
import { capturedTexts } from '@/lib/delivery/captured-texts'
import { isPlatformEmail } from '@/lib/delivery/server/outbox/platform-emails'

export const metadata = { title: 'Captured email' }

type TCapturedPageProps = { params: Promise<{ slug: string; id: string }> }

export default async function CapturedEmailPage({ params }: TCapturedPageProps) {
  const { slug, id } = await params
  const { admin, org } = await requireOrgAccess(slug, SETTINGS_ROLES)
  // recorded in the audit trail; links whose token can no longer be used come without it
  const message = /^[0-9a-f-]{36}$/.test(id) ? await openCapturedMessage(org.id, { id: admin.id, email: admin.email }, id) : null
  if (!message) notFound()
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <header>
        <Link href={routes.emailProvider(org.slug)} className="rounded text-sm font-medium text-brand-700 hover:underline">
          ← Email Provider
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{message.subject}</h1>
        <p className="mt-1 text-sm text-slate-600">{capturedTexts.capturedEmail(isPlatformEmail(message.kind))}</p>
      </header>
      <dl className="grid grid-cols-[8rem_1fr] gap-y-1 rounded-xl border border-slate-200 bg-white px-6 py-4 text-sm shadow-xs">
        <dt className="text-slate-500">To</dt>
        <dd>{message.toAddress}</dd>
        <dt className="text-slate-500">Queued</dt>
        <dd>{formatDateTime(message.createdAt)}</dd>
        <dt className="text-slate-500">Message-ID</dt>
        <dd className="font-mono text-xs break-all">{message.messageId}</dd>
      </dl>
      <section aria-label="HTML version" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
        {/* sandboxed: no scripts, no same-origin access */}
        <iframe title="HTML version of the email" sandbox="" srcDoc={message.html} className="h-[32rem] w-full" />
      </section>
      <section aria-labelledby="plain-text" className="rounded-xl border border-slate-200 bg-white px-6 py-4 shadow-xs">
        <h2 id="plain-text" className="text-sm font-semibold text-slate-900">
          Plain text
        </h2>
        <pre className="mt-2 text-sm whitespace-pre-wrap text-slate-700">{message.text}</pre>
      </section>
    </div>
  )
}
