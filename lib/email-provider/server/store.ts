import 'server-only'
import { getPrisma } from '@/lib/server/db'
import { getKeyring } from '@/lib/server/crypto/keyring'
import { open } from '@/lib/server/crypto/secret-box'
import { openProviderSecrets, sealProviderSecrets, type TProviderSecrets } from './sealed-secrets'
import type { TTransaction } from '@/lib/server/db/prisma'
import { recordAudit, type TActor } from '@/lib/audit/server/store'
import { queueOwnerNotices, type TPreparedNotice } from '@/lib/owner-notices/server/notify'
import { AuditAction } from '@/lib/enums'
import { restartOrgHealth } from '@/lib/delivery/server/health/org-health'
import type { TProviderView, TSettingsChange, TStoredSettings } from '@/lib/email-provider/types'
import { signInOfStored, storedSignInOf } from '@/lib/email-provider/sign-in-kinds'

// Every read for the browser goes through this select: the sealed secrets never leave this module.
const PUBLIC_SELECT = {
  preset: true,
  sendingMethod: true,
  host: true,
  port: true,
  security: true,
  authKind: true,
  signIn: true,
  fromAddress: true,
  replyTo: true,
  displayName: true,
  dkimSelector: true,
  useDefaultOnFailure: true,
  updatedAt: true,
  updatedByEmail: true,
} as const

// What sending needs besides the secrets: the public fields without the bookkeeping.
const SENDING_SELECT = { ...PUBLIC_SELECT, updatedAt: false, updatedByEmail: false } as const

export type { TActor }

/** The organization's custom provider as the console may show it (no secret), its version, or null for the default. */
export async function getProviderView(orgId: string): Promise<{ provider: TProviderView | null; version: number }> {
  const prisma = await getPrisma()
  const org = await prisma.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { emailProviderVersion: true, emailProvider: { select: { ...PUBLIC_SELECT, secrets: true, passwordSecret: true } } },
  })
  const stored = org.emailProvider
  if (!stored) return { provider: null, version: org.emailProviderVersion }
  const { secrets, passwordSecret, signIn, ...rest } = stored
  const provider = { ...rest, ...signInOfStored(rest.authKind, signIn), hasSecret: secrets !== null || passwordSecret !== null }
  return { provider, version: org.emailProviderVersion }
}

/** The provider with its secrets decrypted, for sending only; `secretsError` when they cannot be opened (lost key). */
export type TProviderForSending = TStoredSettings & { secrets: TProviderSecrets; secretsError: string | null }

/** The organization's custom provider with its secrets decrypted, for sending only (null: the default is used). */
export async function getProviderForSending(orgId: string): Promise<TProviderForSending | null> {
  const prisma = await getPrisma()
  const stored = await prisma.emailProviderSettings.findUnique({ where: { orgId }, select: { ...SENDING_SELECT, secrets: true, passwordSecret: true } })
  if (!stored) return null
  const { secrets: sealed, passwordSecret, signIn, ...rest } = stored
  const fields = { ...rest, ...signInOfStored(rest.authKind, signIn) }
  const hasSecret = sealed !== null || passwordSecret !== null
  try {
    const keys = getKeyring().all
    // a v1 row not converted yet (start-up converts them): its password alone
    const secrets = sealed ? openProviderSecrets(sealed, orgId, keys) : passwordSecret ? { password: open(passwordSecret, keys) } : {}
    return { ...fields, hasSecret, secrets, secretsError: null }
  } catch (error) {
    return { ...fields, hasSecret, secrets: {}, secretsError: error instanceof Error ? error.message : String(error) }
  }
}

export type TProviderWrite = Omit<TStoredSettings, 'hasSecret' | 'sendingMethod'> & {
  /** absent: SMTP */
  sendingMethod?: TStoredSettings['sendingMethod']
  /** undefined keeps the stored secrets, null removes them, an object replaces them */
  secrets: TProviderSecrets | null | undefined
}

/** Bumps the version if it still equals `expected`; false when someone else saved in between. */
async function claimVersion(tx: TTransaction, orgId: string, expected: number): Promise<boolean> {
  const { count } = await tx.organization.updateMany({ where: { id: orgId, emailProviderVersion: expected }, data: { emailProviderVersion: { increment: 1 } } })
  return count === 1
}

/** Saves the settings if `expectedVersion` is current, with an audit entry of `changes` and the owners' notices; false on a concurrent edit. */
export async function saveProvider(
  orgId: string,
  actor: TActor,
  expectedVersion: number,
  write: TProviderWrite,
  changes: TSettingsChange[],
  notices: readonly TPreparedNotice[] = [],
) {
  const prisma = await getPrisma()
  const { secrets, ...settings } = write
  const plain = storedRowOf(settings)
  // sealed before the transaction: no work inside it that PGlite's single connection would wait on
  const sealed = secrets === undefined ? undefined : secrets === null ? null : sealProviderSecrets(secrets, orgId, getKeyring().current)
  return prisma.$transaction(async (tx) => {
    if (!(await claimVersion(tx, orgId, expectedVersion))) return false
    const data = { ...plain, ...(sealed === undefined ? {} : { secrets: sealed, passwordSecret: null }), updatedById: actor.id, updatedByEmail: actor.email }
    await tx.emailProviderSettings.upsert({ where: { orgId }, create: { orgId, ...data }, update: data })
    await recordAudit(tx, { orgId, actor, action: AuditAction.email_provider_update, details: { changes } })
    // a change of target is exactly what its owners' notice announces
    if (notices.some((prepared) => prepared.notice.kind === 'provider-target-changed')) await restartOrgHealth(tx, orgId)
    await queueOwnerNotices(tx, notices)
    return true
  })
}

// The row's columns: the sign-in kind's settings as its JSON object, the rest as they are.
function storedRowOf(settings: Omit<TProviderWrite, 'secrets'>) {
  const { preset, sendingMethod = 'smtp', host, port, security, authKind, fromAddress, replyTo, displayName, dkimSelector, useDefaultOnFailure } = settings
  const signIn = storedSignInOf(authKind, settings)
  return { preset, sendingMethod, host, port, security, authKind, signIn, fromAddress, replyTo, displayName, dkimSelector, useDefaultOnFailure }
}

/** Deletes the custom settings (password included) so the default provider is used; false on a concurrent edit. */
export async function revertProvider(orgId: string, actor: TActor, expectedVersion: number, notices: readonly TPreparedNotice[] = []) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    if (!(await claimVersion(tx, orgId, expectedVersion))) return false
    const { count } = await tx.emailProviderSettings.deleteMany({ where: { orgId } })
    if (count === 0) throw new Error('no custom provider to revert')
    await recordAudit(tx, { orgId, actor, action: AuditAction.email_provider_revert, details: {} })
    await restartOrgHealth(tx, orgId)
    await queueOwnerNotices(tx, notices)
    return true
  })
}
