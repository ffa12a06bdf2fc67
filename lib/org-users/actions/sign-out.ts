'use server'

import { redirect } from 'next/navigation'
import { signOutOrgUser } from '@/lib/org-users/server/flows'
import { clearSessionCookie, readSessionCookie } from '@/lib/org-users/server/session-cookie'
import { findPublicOrg } from '@/lib/org-users/server/store'
import { routes } from '@/lib/routes'

/** Ends the user's session in organization `slug` (the database row and the cookie), then shows its sign-in page. */
export async function signOutOrgUserAction(slug: string): Promise<void> {
  const org = await findPublicOrg(slug)
  if (org) await signOutOrgUser(org, await readSessionCookie())
  await clearSessionCookie(slug)
  redirect(routes.orgUserPage(slug, 'login'))
}
