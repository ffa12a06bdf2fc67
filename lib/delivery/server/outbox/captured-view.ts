import 'server-only'
import { recordAudit, type TActor } from '@/lib/audit/server/store'
import { AuditAction } from '@/lib/enums'
import { findUsableAdminVerifyHashes } from '@/lib/auth/server/email-verification'
import { findUsableTokenHashes } from '@/lib/org-users/server/store'
import { hashToken } from '@/lib/org-users/server/tokens'
import { getPrisma } from '@/lib/server/db'
import { findCapturedMessage } from './deliveries'

// A captured email (no default provider) holds the same links its recipient would have got. An admin opening it is
// recorded, and a link whose token can no longer be used is shown without it: an old capture is no list of tokens.

const TOKEN_IN_LINK = /([?&](?:amp;)?token=)([A-Za-z0-9_-]{20,128})/g
export const EXPIRED_TOKEN = 'expired'

/** The captured message `id` of the organization with dead links' tokens removed, recording that `actor` opened it; or null. */
export async function openCapturedMessage(orgId: string, actor: TActor, id: string) {
  const message = await findCapturedMessage(orgId, id)
  if (!message) return null
  const tokens = [...`${message.text}\n${message.html}`.matchAll(TOKEN_IN_LINK)].map((match) => match[2]!)
  const hashes = [...new Set(tokens.map(hashToken))]
  const [forOrgUsers, forAdmins] = await Promise.all([findUsableTokenHashes(orgId, hashes, new Date()), findUsableAdminVerifyHashes(hashes)])
  const usable = new Set([...forOrgUsers, ...forAdmins])
  const redact = (body: string) =>
    body.replace(TOKEN_IN_LINK, (link, prefix: string, token: string) => (usable.has(hashToken(token)) ? link : `${prefix}${EXPIRED_TOKEN}`))
  await recordAudit(await getPrisma(), {
    orgId,
    actor,
    action: AuditAction.captured_email_view,
    details: { messageId: message.id, kind: message.kind, recipient: message.toAddress },
  })
  return { ...message, text: redact(message.text), html: redact(message.html) }
}
