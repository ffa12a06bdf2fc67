const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

/** A date as "25 Nov 2026, 13:05 UTC": fixed locale and zone, so server and browser render the same text. */
export function formatDateTime(date: Date | string): string {
  return `${dateTime.format(new Date(date))} UTC`
}
