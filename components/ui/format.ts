const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

/** A date as "25 Nov 2026, 13:05 UTC": fixed locale and zone, so server and browser render the same text. */
export function formatDateTime(date: Date | string): string {
  return `${dateTime.format(new Date(date))} UTC`
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })
const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/** A time relative to `now`, as "3 min ago", "in 2 hours" or "just now" (under a minute either way). */
export function formatRelativeTime(date: Date | string, now: Date = new Date()): string {
  const ms = new Date(date).getTime() - now.getTime()
  for (const [unit, size] of UNITS) {
    if (Math.abs(ms) >= size) return relative.format(Math.trunc(ms / size), unit).replace(/ minutes?/, ' min')
  }
  return 'just now'
}
