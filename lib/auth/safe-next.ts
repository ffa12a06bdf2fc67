/** `next` if it is a same-origin path (not //host, a scheme, or a path that normalises to one), else null. */
export function safeNextPath(next: unknown): string | null {
  if (typeof next !== 'string' || next.length > 2048) return null
  if (!next.startsWith('/') || next.startsWith('//') || /[\u0000-\u001f\\]/.test(next)) return null
  const base = 'http://same-origin.invalid'
  let resolved: URL
  try {
    resolved = new URL(next, base)
  } catch {
    return null
  }
  if (resolved.origin !== base || resolved.pathname.startsWith('//')) return null
  return `${resolved.pathname}${resolved.search}${resolved.hash}`
}
