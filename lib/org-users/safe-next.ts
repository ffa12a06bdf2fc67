import { safeNextPath } from '@/lib/auth/safe-next'

/** `next` if it is a same-origin path inside organization `slug`'s own pages (/t/<slug>/…), else null. */
export function safeOrgNextPath(slug: string, next: unknown): string | null {
  const path = safeNextPath(next)
  const prefix = `/t/${encodeURIComponent(slug)}/`
  return path?.startsWith(prefix) ? path : null
}
