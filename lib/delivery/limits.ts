// Client-safe: the console explains the limit in words.

/** Emails a day an organization without a verified owner may send through the platform default. */
export const DEFAULT_DAILY_LIMIT = 50
