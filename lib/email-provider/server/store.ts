import 'server-only'
import { getPrisma } from '@/lib/server/db'
import { getKeyring } from '@/lib/server/crypto/keyring'
import { open, seal } from '@/lib/server/crypto/secret-box'
import type { TTransaction } from '@/lib/server/db/prisma'
import { recordAudit, type TActor } from '@/lib/audit/server/store'
import { AuditAction } from '@/lib/enums'
import type { TProviderView, TSettingsChange, TStoredSettings } from '@/lib/email-provider/types'

// Every read for the browser goes through this select: the sealed password never leaves this module.
const PUBLIC_SELECT = {
  host: true,
  port: true,
  fromAddress: true,
  replyTo: true,
  username: true,
  displayName: true,
  updatedAt: true,
  updatedByEmail: true,
  passwordSecret: false,
} as const

export type { TActor }

/** The organization's custom provider as the console may show it (no secret), its version, or null for the default. */
export async function getProviderView(orgId: string): Promise<{ provider: TProviderView | null; version: number }> {
  const prisma = await getPrisma()
  const org = await prisma.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { emailProviderVersion: true, emailProvider: { select: { ...PUBLIC_SELECT, passwordSecret: true } } },
  })
  const stored = org.emailProvider
  if (!stored) return { provider: null, version: org.emailProviderVersion }
  const { passwordSecret, ...rest } = stored
  return { provider: { ...rest, hasPassword: passwordSecret !== null }, version: org.emailProviderVersion }
}

/** The organization's custom provider with its password decrypted, for sending only. */
export async function getProviderForSending(orgId: string) {
  const prisma = await getPrisma()
  const stored = await prisma.emailProviderSettings.findUnique({ where: { orgId } })
  if (!stored) return null
  const password = stored.passwordSecret ? open(stored.passwordSecret, getKeyring().all) : null
  return { ...stored, password, passwordSecret: undefined }
}

export type TProviderWrite = Omit<TStoredSettings, 'hasPassword'> & {
  /** undefined keeps the stored password, null removes it, a string replaces it */
  password: string | null | undefined
}

/** Bumps the version if it still equals `expected`; false when someone else saved in between. */
async function claimVersion(tx: TTransaction, orgId: string, expected: number): Promise<boolean> {
  const { count } = await tx.organization.updateMany({ where: { id: orgId, emailProviderVersion: expected }, data: { emailProviderVersion: { increment: 1 } } })
  return count === 1
}

/** Saves the settings if `expectedVersion` is current, with an audit entry of `changes`; false on a concurrent edit. */
export async function saveProvider(orgId: string, actor: TActor, expectedVersion: number, write: TProviderWrite, changes: TSettingsChange[]) {
  const prisma = await getPrisma()
  const { password, ...plain } = write
  const passwordSecret = password === undefined ? undefined : password === null ? null : seal(password, getKeyring().current)
  return prisma.$transaction(async (tx) => {
    if (!(await claimVersion(tx, orgId, expectedVersion))) return false
    const data = { ...plain, passwordSecret, updatedById: actor.id, updatedByEmail: actor.email }
    await tx.emailProviderSettings.upsert({ where: { orgId }, create: { orgId, ...data }, update: data })
    await recordAudit(tx, { orgId, actor, action: AuditAction.email_provider_update, details: { changes } })
    return true
  })
}

/** Deletes the custom settings (password included) so the default provider is used; false on a concurrent edit. */
export async function revertProvider(orgId: string, actor: TActor, expectedVersion: number) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    if (!(await claimVersion(tx, orgId, expectedVersion))) return false
    const { count } = await tx.emailProviderSettings.deleteMany({ where: { orgId } })
    if (count === 0) throw new Error('no custom provider to revert')
    await recordAudit(tx, { orgId, actor, action: AuditAction.email_provider_revert, details: {} })
    return true
  })
}
