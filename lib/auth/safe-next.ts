/** `next` if it is a same-origin path (not //host or a scheme), else null: no open redirects after login. */
export function safeNextPath(next: unknown): string | null {
  if (typeof next !== 'string' || next.length > 2048) return null
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null
  if (/[\u0000-\u001f\\]/.test(next)) return null
  return next
}
