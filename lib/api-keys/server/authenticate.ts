import 'server-only'
import { getPrisma } from '@/lib/server/db'
import type { TActor } from '@/lib/audit/server/store'
import { API_KEY_ACTOR_PREFIX } from '@/lib/api-keys/labels'
import type { TApiKeyAccess } from '@/lib/api-keys/schema'
import { can } from '@/lib/members/roles'
import { hashApiKey, isApiKeyShaped } from './key'

/** The key a request authenticated with: its organization, its access, and the actor its changes are audited as. */
export type TApiCaller = { keyId: string; name: string; access: TApiKeyAccess; org: { id: string; name: string }; actor: TActor }

// "last used" is written at most once a minute per key: not a database write on every request
const LAST_USED_PRECISION_MS = 60_000

/**
 * The active key named by an `Authorization: Bearer <key>` header, or null (missing, malformed, unknown, revoked, or
 * its creator no longer a member). A key never acts beyond its creator's current role: a Viewer's key only reads.
 */
export async function authenticateApiKey(authorization: string | null): Promise<TApiCaller | null> {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? '')
  if (!match || !isApiKeyShaped(match[1]!)) return null
  const prisma = await getPrisma()
  const key = await prisma.apiKey.findUnique({
    where: { hash: hashApiKey(match[1]!) },
    select: { id: true, name: true, access: true, revokedAt: true, createdById: true, org: { select: { id: true, name: true } } },
  })
  if (!key || key.revokedAt || !key.createdById) return null
  const creator = await prisma.membership.findUnique({ where: { orgId_userId: { orgId: key.org.id, userId: key.createdById } }, select: { role: true } })
  if (!creator) return null
  const access: TApiKeyAccess = key.access === 'read_write' && can(creator.role, 'edit-provider') ? 'read_write' : 'read_only'
  const now = new Date()
  await prisma.apiKey.updateMany({
    where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_PRECISION_MS) } }] },
    data: { lastUsedAt: now },
  })
  return { keyId: key.id, name: key.name, access, org: key.org, actor: { id: key.id, email: `${API_KEY_ACTOR_PREFIX}${key.name}` } }
}
