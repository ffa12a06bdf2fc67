'use server'

import { verifyOrgUserEmail } from '@/lib/org-users/server/flows'
import type { TLinkResult } from '@/lib/org-users/types'
import { ZLinkToken } from '@/lib/org-users/schema'
import { findPublicOrg } from '@/lib/org-users/server/store'

/** Consumes the emailed verification link's token: only this POST verifies, never the GET a mail scanner makes. */
export async function verifyEmailAction(slug: string, token: string): Promise<TLinkResult> {
  const parsedToken = ZLinkToken.safeParse(token)
  const org = await findPublicOrg(slug)
  if (!parsedToken.success || !org) return { ok: false, reason: 'invalid-link' }
  return verifyOrgUserEmail(org, parsedToken.data)
}
