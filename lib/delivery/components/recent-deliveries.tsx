import Link from 'next/link'
import { formatDateTime } from '@/components/ui/format'
import { cn } from '@/components/ui/cn'
import type { OutboxKind, OutboxStatus } from '@/lib/enums'
import { routes } from '@/lib/routes'

type TDelivery = {
  id: string
  kind: OutboxKind
  toAddress: string
  status: OutboxStatus
  attempts: number
  provider: string | null
  lastError: string | null
  createdAt: Date
}

const KIND_LABELS: Record<OutboxKind, string> = {
  verify: 'Verify email',
  reset: 'Password reset',
  signup_attempt: 'Sign-up attempt',
  test: 'Test email',
  invitation: 'Invitation',
  alert: 'Delivery alert',
}
const STATUS_STYLES: Record<OutboxStatus, string> = {
  queued: 'bg-slate-100 text-slate-700',
  sending: 'bg-sky-100 text-sky-800',
  sent: 'bg-emerald-100 text-emerald-800',
  retrying: 'bg-amber-100 text-amber-900',
  failed: 'bg-red-100 text-red-800',
  captured: 'bg-violet-100 text-violet-800',
  // waiting for the organization's provider to work again (it failed before the recipient was named)
  held: 'bg-orange-100 text-orange-900',
}

/** What happened to the organization's last emails, so an admin can see why a user got none. */
export function RecentDeliveries({ slug, deliveries, canOpenCaptured = true }: { slug: string; deliveries: TDelivery[]; canOpenCaptured?: boolean }) {
  return (
    <section aria-labelledby="recent-deliveries" className="rounded-xl border border-slate-200 bg-white shadow-xs">
      <h2 id="recent-deliveries" className="border-b border-slate-200 px-6 py-4 text-base font-semibold text-slate-900">
        Recent deliveries
      </h2>
      {deliveries.length === 0 ? (
        <p className="px-6 py-5 text-sm text-slate-500">No emails sent yet. Sign-up and recovery emails to your users will appear here.</p>
      ) : (
        // focusable, so keyboard users can scroll a table wider than the page even when it holds no link
        <div className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600" tabIndex={0} aria-labelledby="recent-deliveries">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs text-slate-500 uppercase">
              <tr>
                {['Type', 'Recipient', 'Status', 'Attempts', 'Provider', 'Queued'].map((heading) => (
                  <th key={heading} scope="col" className="px-6 py-2 font-semibold whitespace-nowrap">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {deliveries.map((delivery) => (
                <tr key={delivery.id} className="align-top">
                  <td className="px-6 py-3 whitespace-nowrap text-slate-800">{KIND_LABELS[delivery.kind]}</td>
                  <td className="px-6 py-3 whitespace-nowrap text-slate-800">{delivery.toAddress}</td>
                  <td className="px-6 py-3">
                    <span className={cn('rounded-full px-2 py-0.5 text-xs font-semibold', STATUS_STYLES[delivery.status])}>{delivery.status}</span>
                    {delivery.status === 'captured' && canOpenCaptured && (
                      <Link href={routes.capturedEmail(slug, delivery.id)} className="ml-2 rounded text-xs font-semibold text-brand-700 hover:underline">
                        Open<span className="sr-only"> captured email to {delivery.toAddress}</span>
                      </Link>
                    )}
                    {delivery.lastError && <p className="mt-1 max-w-xs text-xs text-red-700">{delivery.lastError}</p>}
                  </td>
                  <td className="px-6 py-3 text-slate-700">{delivery.attempts}</td>
                  <td className="px-6 py-3 text-slate-700">{delivery.provider ?? '—'}</td>
                  <td className="px-6 py-3 whitespace-nowrap text-slate-500">{formatDateTime(delivery.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
