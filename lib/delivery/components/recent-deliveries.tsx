import Link from 'next/link'
import { cn } from '@/components/ui/cn'
import { RelativeTime } from '@/components/ui/relative-time'
import { ShowMoreLink } from '@/components/ui/show-more-link'
import type { OutboxKind, OutboxStatus } from '@/lib/enums'
import { routes } from '@/lib/routes'
import { RetryNowButton } from './retry-now-button'
import { STACKED_BODY, STACKED_CELL, STACKED_HEAD, STACKED_ROW, STACKED_TABLE } from '@/components/ui/stacked-table'

type TDelivery = {
  id: string
  kind: OutboxKind
  toAddress: string
  status: OutboxStatus
  attempts: number
  provider: string | null
  lastError: string | null
  createdAt: Date
  nextAttemptAt: Date
}

const KIND_LABELS: Record<OutboxKind, string> = {
  verify: 'Verify email',
  reset: 'Password reset',
  signup_attempt: 'Sign-up attempt',
  test: 'Test email',
  invitation: 'Invitation',
  alert: 'Delivery alert',
  admin_verify: 'Admin email verification',
  admin_signup_attempt: 'Admin sign-up attempt',
  owner_notice: 'Owner notice',
  admin_reset: 'Admin password reset',
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

// "custom (127.0.0.1:2526)": the name may wrap, the server address never breaks.
function ProviderLabel({ label }: { label: string | null }) {
  if (!label) return <>—</>
  const match = /^(.*?) \((.+)\)$/.exec(label)
  if (!match) return <span className="break-words">{label}</span>
  return (
    <span className="min-w-0">
      {match[1]} <span className="whitespace-nowrap">({match[2]})</span>
    </span>
  )
}

const isWaiting = (status: OutboxStatus) => status === 'retrying' || status === 'held'

type TProps = {
  slug: string
  deliveries: TDelivery[]
  /** The time the page was rendered, for "3 min ago". */
  now: Date
  canOpenCaptured?: boolean
  /** Owners and admins: Retry now on retrying and held rows. */
  canRetry?: boolean
  /** The "Show more" link's target, when there may be more. */
  moreHref?: string | null
}

/** What happened to the organization's last emails, so an admin can see why a user got none. */
export function RecentDeliveries({ slug, deliveries, now, canOpenCaptured = true, canRetry = false, moreHref = null }: TProps) {
  const headings = ['Email', 'Status', 'Attempts', 'Provider', 'Queued', ...(canRetry ? ['Actions'] : [])]
  return (
    <section aria-labelledby="recent-deliveries" className="rounded-xl border border-slate-200 bg-white shadow-xs">
      <h2 id="recent-deliveries" className="border-b border-slate-200 px-6 py-4 text-base font-semibold text-slate-900">
        Recent deliveries
      </h2>
      {deliveries.length === 0 ? (
        <p className="px-6 py-5 text-sm text-slate-500">No emails sent yet. Sign-up and recovery emails to your users will appear here.</p>
      ) : (
        <table className={cn(STACKED_TABLE, 'md:table-fixed')}>
          <thead className={STACKED_HEAD}>
            <tr>
              {headings.map((heading) => (
                <th
                  key={heading}
                  scope="col"
                  className={cn(
                    'px-4 py-2 font-semibold',
                    heading === 'Email' && 'md:w-[26%]',
                    heading === 'Status' && 'md:w-[24%]',
                    heading === 'Attempts' && 'md:w-24',
                    heading === 'Queued' && 'md:w-28',
                    heading === 'Actions' && 'sr-only md:w-28',
                  )}
                >
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className={STACKED_BODY}>
            {deliveries.map((delivery) => (
              <tr key={delivery.id} className={cn(STACKED_ROW, 'align-top')}>
                <td data-label="Email" className={STACKED_CELL}>
                  <div className="min-w-0">
                    <div className="text-slate-800">{KIND_LABELS[delivery.kind]}</div>
                    <div className="break-all text-slate-600">{delivery.toAddress}</div>
                  </div>
                </td>
                <td data-label="Status" className={STACKED_CELL}>
                  <div className="min-w-0 flex-1">
                    <span className={cn('rounded-full px-2 py-0.5 text-xs font-semibold', STATUS_STYLES[delivery.status])}>{delivery.status}</span>
                    {delivery.status === 'captured' && canOpenCaptured && (
                      <Link href={routes.capturedEmail(slug, delivery.id)} className="ml-2 rounded text-xs font-semibold text-brand-700 hover:underline">
                        Open<span className="sr-only"> captured email to {delivery.toAddress}</span>
                      </Link>
                    )}
                    {isWaiting(delivery.status) && (
                      <div className="mt-1 text-xs text-slate-600">
                        Next attempt {delivery.nextAttemptAt > now ? <RelativeTime date={delivery.nextAttemptAt} now={now} /> : 'due now'}
                      </div>
                    )}
                    {delivery.lastError && (
                      <details className="group mt-1 text-xs text-red-700">
                        <summary className="cursor-pointer truncate rounded group-open:break-words group-open:whitespace-pre-wrap focus-visible:outline-2 focus-visible:outline-brand-600">
                          <span className="sr-only">Error: </span>
                          {delivery.lastError}
                        </summary>
                      </details>
                    )}
                  </div>
                </td>
                <td data-label="Attempts" className={cn(STACKED_CELL, 'text-slate-700')}>
                  {delivery.attempts}
                </td>
                <td data-label="Provider" className={cn(STACKED_CELL, 'text-slate-700')}>
                  <ProviderLabel label={delivery.provider} />
                </td>
                <td data-label="Queued" className={cn(STACKED_CELL, 'text-slate-500')}>
                  <RelativeTime date={delivery.createdAt} now={now} />
                </td>
                {canRetry && (
                  <td className={cn(STACKED_CELL, 'before:hidden', !isWaiting(delivery.status) && 'max-md:hidden')}>
                    {isWaiting(delivery.status) && <RetryNowButton slug={slug} delivery={{ id: delivery.id, toAddress: delivery.toAddress }} />}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {moreHref && <ShowMoreLink href={moreHref} label="deliveries" />}
    </section>
  )
}
