import 'server-only'
import { cookies } from 'next/headers'
import { env } from '@/lib/env'

// The org user's session cookie: HttpOnly, SameSite=Lax, Secure when APP_URL is https, and sent only to the
// organization's own pages (Path=/t/<slug>), so two organizations' sign-ins never meet.

export const ORG_SESSION_COOKIE = 'mailgate_org_session'

const cookiePath = (slug: string) => `/t/${encodeURIComponent(slug)}`

/** The session token the browser sent to organization `slug`'s pages, if any. */
export async function readSessionCookie(): Promise<string | undefined> {
  return (await cookies()).get(ORG_SESSION_COOKIE)?.value
}

/** Stores the session token in the browser until `expiresAt` (Server Actions only). */
export async function setSessionCookie(slug: string, token: string, expiresAt: Date): Promise<void> {
  ;(await cookies()).set(ORG_SESSION_COOKIE, token, { ...attributes(slug), expires: expiresAt })
}

/** Removes the session cookie (Server Actions only): the same attributes, expired. */
export async function clearSessionCookie(slug: string): Promise<void> {
  ;(await cookies()).set(ORG_SESSION_COOKIE, '', { ...attributes(slug), maxAge: 0 })
}

function attributes(slug: string) {
  return { httpOnly: true, sameSite: 'lax', secure: env.APP_URL.startsWith('https:'), path: cookiePath(slug) } as const
}
