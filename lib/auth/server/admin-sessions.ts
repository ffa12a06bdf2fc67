import 'server-only'
import { describeDevice } from '@/lib/auth/device-summary'
import type { TAdminSession } from '@/lib/auth/admin-session-view'
import { clientNetwork } from '@/lib/server/net/ip-bucket'
import { getAuth } from './auth'

export type { TAdminSession }

/** The signed-in admin's sessions, most recently seen first; the one making this request is `isCurrent`. */
export async function listAdminSessions(requestHeaders: Headers): Promise<TAdminSession[]> {
  const auth = await getAuth()
  const current = await auth.api.getSession({ headers: requestHeaders })
  if (!current) return []
  const sessions = await auth.api.listSessions({ headers: requestHeaders })
  return sessions
    .map((session) => ({
      id: session.id,
      device: describeDevice(session.userAgent),
      // a range, never the precise address
      network: session.ipAddress ? clientNetwork(session.ipAddress) : null,
      lastSeenAt: new Date(session.updatedAt),
      isCurrent: session.id === current.session.id,
    }))
    .sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent) || b.lastSeenAt.getTime() - a.lastSeenAt.getTime())
}

/** Ends every session of the admin but this one (Better Auth's revokeOtherSessions). */
export async function signOutOtherAdminSessions(requestHeaders: Headers): Promise<void> {
  const auth = await getAuth()
  await auth.api.revokeOtherSessions({ headers: requestHeaders })
}
