import { formatDateTime, formatRelativeTime } from './format'

/** A time shown relative to `now` ("3 min ago"), the exact time in its title and dateTime; rendered on the server. */
export function RelativeTime({ date, now, className }: { date: Date; now: Date; className?: string }) {
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)} className={className}>
      {formatRelativeTime(date, now)}
    </time>
  )
}
