import { formatDateTime } from '@/components/ui/format'
import type { TDeliveryHealthView } from '@/lib/delivery/types'

/** One line on how the organization's emails are going: delivering, failing (why, and the fix), or not used yet. */
export function DeliveryHealth({ health }: { health: TDeliveryHealthView | null }) {
  if (health?.failingSince) {
    return (
      <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
        <span className="font-semibold">Failing since {formatDateTime(health.failingSince)}:</span> {health.failureCause ?? 'the server could not be used'}.{' '}
        {health.failureHint ? `${health.failureHint.replace(/\.$/, '')}. ` : ''}
        Emails wait and are sent once it works; saving new settings tries them at once.
      </p>
    )
  }
  if (health?.lastDeliveredAt) {
    return (
      <p className="text-sm text-slate-700">
        <span className="font-semibold text-emerald-800">Delivering</span> · last success {formatDateTime(health.lastDeliveredAt)}
      </p>
    )
  }
  if (health?.targetChangedAt) return <p className="text-sm text-slate-600">Not used yet since the change on {formatDateTime(health.targetChangedAt)}</p>
  return <p className="text-sm text-slate-600">Not used yet</p>
}
