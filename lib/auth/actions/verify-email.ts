'use server'

import { ZLinkToken } from '@/lib/org-users/schema'
import { verifyAdminEmail } from '@/lib/auth/server/email-verification'

/** Consumes the emailed link's token: only this POST verifies, never the GET a mail scanner makes. */
export async function verifyAdminEmailAction(token: string): Promise<{ ok: boolean }> {
  const parsed = ZLinkToken.safeParse(token)
  return { ok: parsed.success && (await verifyAdminEmail(parsed.data)) }
}
