import type { TDeliveryBucket, TDeliveryStats } from '@/lib/delivery/types'

// Rendered on the server as SVG: no chart library, no JavaScript in the browser. Each bar stack has a title (hover)
// and the figures are in a table for screen readers.

const SERIES = [
  { key: 'delivered', label: 'Delivered', className: 'fill-emerald-500', swatch: 'bg-emerald-500' },
  { key: 'retried', label: 'Retried', className: 'fill-amber-400', swatch: 'bg-amber-400' },
  { key: 'failed', label: 'Failed', className: 'fill-red-500', swatch: 'bg-red-500' },
] as const

type TChartProps = { title: string; buckets: TDeliveryBucket[]; labelOf: (start: Date) => string; labelEvery: number }

function Bars({ title, buckets, labelOf, labelEvery }: TChartProps) {
  const width = 100 / buckets.length
  const peak = Math.max(1, ...buckets.map((bucket) => bucket.delivered + bucket.retried + bucket.failed))
  return (
    <figure className="min-w-0 flex-1">
      <figcaption className="text-sm font-medium text-slate-800">{title}</figcaption>
      <svg viewBox="0 0 100 40" preserveAspectRatio="none" className="mt-2 h-28 w-full overflow-visible" aria-hidden>
        <line x1="0" y1="40" x2="100" y2="40" className="stroke-slate-300" strokeWidth="0.3" />
        {buckets.map((bucket, index) => {
          let top = 40
          return (
            <g key={bucket.start.toISOString()}>
              <title>{`${labelOf(bucket.start)}: ${bucket.delivered} delivered, ${bucket.retried} retried, ${bucket.failed} failed`}</title>
              <rect x={index * width} y="0" width={width} height="40" className="fill-transparent" />
              {SERIES.map((series) => {
                const height = (bucket[series.key] / peak) * 38
                top -= height
                return height > 0 ? (
                  <rect key={series.key} x={index * width + width * 0.15} y={top} width={width * 0.7} height={height} className={series.className} />
                ) : null
              })}
            </g>
          )
        })}
      </svg>
      <div className="mt-1 flex text-[11px] text-slate-600" aria-hidden>
        {buckets.map((bucket, index) => (
          <span key={bucket.start.toISOString()} className="flex-1 text-center">
            {index % labelEvery === 0 ? labelOf(bucket.start) : ''}
          </span>
        ))}
      </div>
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              {SERIES.map((series) => (
                <th key={series.key} scope="col">
                  {series.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {buckets.map((bucket) => (
              <tr key={bucket.start.toISOString()}>
                <th scope="row">{labelOf(bucket.start)}</th>
                {SERIES.map((series) => (
                  <td key={series.key}>{bucket[series.key]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}

const dayLabel = (start: Date) => start.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', timeZone: 'UTC' })
const hourLabel = (start: Date) => `${String(start.getUTCHours()).padStart(2, '0')}:00`

function formatMedian(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`
  return `${Math.round(ms / 60_000)} min`
}

/** Delivered, retried and failed emails per day (7 days) and per hour (24 hours), with the delivery rate and median time. */
export function DeliveryChart({ stats }: { stats: TDeliveryStats }) {
  return (
    <section aria-labelledby="delivery-health" className="rounded-xl border border-slate-200 bg-white p-6 shadow-xs">
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
        <h2 id="delivery-health" className="text-base font-semibold text-slate-900">
          Deliveries
        </h2>
        <dl className="flex gap-6 text-sm">
          <div>
            <dt className="text-slate-600">Delivery rate (7 days)</dt>
            <dd className="text-lg font-semibold text-slate-900">{stats.deliveryRate === null ? '—' : `${(stats.deliveryRate * 100).toFixed(1)} %`}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Median time to delivery</dt>
            <dd className="text-lg font-semibold text-slate-900">{stats.medianMs === null ? '—' : formatMedian(stats.medianMs)}</dd>
          </div>
        </dl>
      </div>
      {isEmpty(stats) && <p className="mt-3 text-sm text-slate-600">No emails in the last 7 days yet: sign-up and recovery emails will show here.</p>}
      <div className="mt-5 flex flex-col gap-6 sm:flex-row">
        <Bars title="Last 7 days" buckets={stats.days} labelOf={dayLabel} labelEvery={1} />
        <Bars title="Last 24 hours" buckets={stats.hours} labelOf={hourLabel} labelEvery={6} />
      </div>
      <ul className="mt-4 flex flex-wrap gap-4 text-xs text-slate-700" aria-hidden>
        {SERIES.map((series) => (
          <li key={series.key} className="flex items-center gap-1.5">
            <span className={`size-2.5 rounded-sm ${series.swatch}`} />
            {series.label}
          </li>
        ))}
      </ul>
    </section>
  )
}

function isEmpty(stats: TDeliveryStats): boolean {
  return stats.days.every((bucket) => bucket.delivered + bucket.retried + bucket.failed === 0)
}
