import 'server-only'
import { getPrisma } from '@/lib/server/db'
import type { PrismaClient, TTransaction } from '@/lib/server/db/prisma'
import { recordAudit, type TActor } from '@/lib/audit/server/store'
import { AuditAction } from '@/lib/enums'
import { failure, type TDomainResult } from '@/lib/forms/domain-result'
import type { TApiKeyFailureCode } from '@/lib/api-keys/messages'
import type { TCreateApiKeyForm } from '@/lib/api-keys/schema'
import type { TApiKeyView } from '@/lib/api-keys/types'
import { prepareOwnerNotice, queueOwnerNotices } from '@/lib/owner-notices/server/notify'
import { ownerNoticesQueued } from '@/lib/owner-notices/server/wake'
import { generateApiKey } from './key'

// Every read for the console goes through this select: the hash never leaves this module.
const VIEW_SELECT = { id: true, name: true, prefix: true, access: true, createdByEmail: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const

/** The organization's API keys, newest first (revoked ones too, marked). */
export async function listApiKeys(orgId: string): Promise<TApiKeyView[]> {
  const prisma = await getPrisma()
  return prisma.apiKey.findMany({ where: { orgId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: VIEW_SELECT })
}

/** Creates a key for the organization, audited; the key itself is returned here once and never stored. */
export async function createApiKey(orgId: string, actor: TActor, form: TCreateApiKeyForm): Promise<{ ok: true; key: string; view: TApiKeyView }> {
  const prisma = await getPrisma()
  const { key, hash, prefix } = generateApiKey()
  const notice = await prepareOwnerNotice(orgId, { kind: 'api-key-created', name: form.name, prefix, access: form.access }, { actor })
  const view = await prisma.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { orgId, name: form.name, access: form.access, hash, prefix, createdById: actor.id, createdByEmail: actor.email },
      select: VIEW_SELECT,
    })
    await recordAudit(tx, { orgId, actor, action: AuditAction.api_key_create, details: { name: form.name, prefix, access: form.access } })
    await queueOwnerNotices(tx, [notice])
    return created
  })
  ownerNoticesQueued()
  return { ok: true, key, view }
}

/** Revokes one of the organization's keys (at once: its next request gets 401), audited. */
export async function revokeApiKey(orgId: string, actor: TActor, id: string): Promise<TDomainResult<object, TApiKeyFailureCode>> {
  const prisma = await getPrisma()
  // a key's name and prefix never change: the notice is rendered before the transaction
  const key = await prisma.apiKey.findFirst({ where: { id, orgId }, select: { name: true, prefix: true, revokedAt: true } })
  if (!key) return failure('not-found')
  if (key.revokedAt) return failure('already-revoked')
  const notice = await prepareOwnerNotice(orgId, { kind: 'api-key-revoked', name: key.name, prefix: key.prefix }, { actor })
  const result = await prisma.$transaction(async (tx): Promise<TDomainResult<object, TApiKeyFailureCode>> => {
    const { count } = await tx.apiKey.updateMany({ where: { id, orgId, revokedAt: null }, data: { revokedAt: new Date() } })
    if (count === 0) return failure('already-revoked')
    await recordAudit(tx, { orgId, actor, action: AuditAction.api_key_revoke, details: { name: key.name, prefix: key.prefix } })
    await queueOwnerNotices(tx, [notice])
    return { ok: true }
  })
  if (result.ok) ownerNoticesQueued()
  return result
}

/** A key as an owners' notice names it. */
export type TKeyRef = { name: string; prefix: string }

type TCreator = { id: string; email: string }

/** The creator's keys that still work (read-and-write ones only, with `readWriteOnly`), to name in a notice. */
export async function activeKeysOf(tx: TTransaction | PrismaClient, orgId: string, creatorId: string, readWriteOnly = false): Promise<TKeyRef[]> {
  return tx.apiKey.findMany({
    where: { orgId, createdById: creatorId, revokedAt: null, ...(readWriteOnly ? { access: 'read_write' as const } : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { name: true, prefix: true },
  })
}

/** The creator left or was removed: every key they made stops working, each revocation audited. Returns the keys. */
export async function revokeCreatorKeys(tx: TTransaction, orgId: string, actor: TActor, creator: TCreator): Promise<TKeyRef[]> {
  const keys = await activeKeysOf(tx, orgId, creator.id)
  if (keys.length === 0) return keys
  await tx.apiKey.updateMany({ where: { orgId, createdById: creator.id, revokedAt: null }, data: { revokedAt: new Date() } })
  const reason = `its creator ${creator.email} is no longer a member`
  for (const key of keys) await recordAudit(tx, { orgId, actor, action: AuditAction.api_key_revoke, details: { ...key, reason } })
  return keys
}

/** The creator became a Viewer: their read-and-write keys may only read from now on, each audited. Returns the keys. */
export async function limitCreatorKeys(tx: TTransaction, orgId: string, actor: TActor, creator: TCreator): Promise<TKeyRef[]> {
  const keys = await activeKeysOf(tx, orgId, creator.id, true)
  if (keys.length === 0) return keys
  await tx.apiKey.updateMany({ where: { orgId, createdById: creator.id, revokedAt: null, access: 'read_write' }, data: { access: 'read_only' } })
  const reason = `its creator ${creator.email} is now a Viewer`
  for (const key of keys) await recordAudit(tx, { orgId, actor, action: AuditAction.api_key_limit, details: { ...key, reason } })
  return keys
}
