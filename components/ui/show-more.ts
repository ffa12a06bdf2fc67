// "Show more" lists rendered on the server: the URL holds how many rows a list shows (?deliveries=40), no client state.

/** Rows a list shows first, and how many each "Show more" adds. */
export const LIST_STEP = 20
/** The most rows a list shows. */
export const LIST_MAX = 200

type TSearchParams = Record<string, string | string[] | undefined>

/** The row count a query parameter asks for: a multiple of LIST_STEP from LIST_STEP to LIST_MAX, else LIST_STEP. */
export function listLimitOf(value: string | string[] | undefined): number {
  const asked = Number(Array.isArray(value) ? value[0] : value)
  if (!Number.isInteger(asked) || asked < LIST_STEP) return LIST_STEP
  return Math.min(LIST_MAX, Math.floor(asked / LIST_STEP) * LIST_STEP)
}

/** `path` with the current query, changed by `changes` (a null removes a parameter). */
export function hrefWith(path: string, current: TSearchParams, changes: Record<string, string | null>): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(current)) {
    if (key in changes || value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) query.append(key, one)
  }
  for (const [key, value] of Object.entries(changes)) if (value !== null) query.set(key, value)
  const text = query.toString()
  return text ? `${path}?${text}` : path
}

/** The "Show more" link's target, or null when the list showed all it has (fewer rows than asked) or LIST_MAX. */
export function showMoreHref(path: string, current: TSearchParams, param: string, limit: number, shown: number): string | null {
  if (shown < limit || limit >= LIST_MAX) return null
  return hrefWith(path, current, { [param]: String(limit + LIST_STEP) })
}
