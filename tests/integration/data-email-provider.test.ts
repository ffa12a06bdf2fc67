// The Email Provider's data layer (lib/email-provider/server/{service,store}.ts) on the run's database: the secrets are
// sealed together at rest, bound to their organization, and write-only; versions refuse stale forms (also across a revert), and the audit trail never holds a secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getKeyring } from '@/lib/server/crypto/keyring'
import { sealedKeyId } from '@/lib/server/crypto/secret-box'
import { openProviderSecrets } from '@/lib/email-provider/server/sealed-secrets'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { revertEmailProvider, updateEmailProvider } from '@/lib/email-provider/server/service'
import { getProviderForSending, getProviderView } from '@/lib/email-provider/server/store'
import { createOrganizationWithOwner } from '@/lib/orgs/server/store'
import { createAdmin, providerForm, uniqueTag } from '../support/data-fixtures'
import { holdOrganization, markOrgDelivered } from '@/lib/delivery/server/health/org-health'
import { getDeliveryHealth } from '@/lib/delivery/server/outbox/deliveries'

type TAdmin = { id: string; email: string }

const PASSWORD = 'correct horse – battery staple ✓'
let admin: TAdmin

// Also opens (and migrates) the run's database, which takes seconds on PGlite, under the hook timeout.
beforeAll(async () => {
  admin = await createAdmin(await getPrisma(), 'provider-admin')
})
afterAll(() => closeDatabase())

async function newOrg() {
  return createOrganizationWithOwner(admin.id, `Mail ${uniqueTag()}`)
}

async function storedRow(orgId: string) {
  return (await getPrisma()).emailProviderSettings.findUnique({ where: { orgId } })
}

async function versionOf(orgId: string) {
  return (await getPrisma()).organization.findUniqueOrThrow({ where: { id: orgId } }).then((org) => org.emailProviderVersion)
}

async function auditOf(orgId: string) {
  return (await getPrisma()).auditEntry.findMany({ where: { orgId }, orderBy: { createdAt: 'asc' } })
}

/** An organization whose custom provider was saved once, with PASSWORD (version 1). */
async function orgWithProvider() {
  const org = await newOrg()
  const saved = await updateEmailProvider(org.id, admin, providerForm({ password: PASSWORD, version: 0 }))
  expect(saved).toEqual({ ok: true, version: 1 })
  const row = await storedRow(org.id)
  if (!row?.secrets) throw new Error('the provider was not saved with a password')
  return { org, row, secret: row.secrets }
}

const opened = (sealed: string | null | undefined, orgId: string) => openProviderSecrets(sealed ?? '', orgId, getKeyring().all)

describe('the stored password', () => {
  it('is sealed with the current key: not the plaintext, and it opens back to the plaintext with the keyring', async () => {
    const { org, secret } = await orgWithProvider()
    expect(secret).not.toBe(PASSWORD)
    expect(secret).not.toContain(PASSWORD)
    expect(secret).not.toContain(Buffer.from(PASSWORD).toString('base64'))
    expect(sealedKeyId(secret)).toBe(getKeyring().current.id)
    expect(opened(secret, org.id)).toEqual({ password: PASSWORD })
  })

  it('does not open in another organization: the sealed blob is bound to its organization', async () => {
    const { org, secret } = await orgWithProvider()
    const other = await newOrg()
    expect(() => openProviderSecrets(secret, other.id, getKeyring().all)).toThrow()
    expect(opened(secret, org.id).password).toBe(PASSWORD)
  })

  it('never reaches the console view, only the sending path', async () => {
    const { org } = await orgWithProvider()
    const view = await getProviderView(org.id)
    expect(view.version).toBe(1)
    expect(view.provider).toMatchObject({
      host: 'smtp.example.com',
      port: 587,
      username: 'mailer',
      hasSecret: true,
      authKind: 'password',
      updatedByEmail: admin.email,
    })
    expect(Object.keys(view.provider ?? {})).not.toContain('secrets')
    expect(Object.keys(view.provider ?? {})).not.toContain('passwordSecret')
    expect(JSON.stringify(view)).not.toContain(PASSWORD)
    const sending = await getProviderForSending(org.id)
    expect(sending?.secrets).toEqual({ password: PASSWORD })
    expect(sending?.secretsError).toBeNull()
  })

  it('is kept, ciphertext and all, when the form leaves Password blank', async () => {
    const { org, secret } = await orgWithProvider()
    const result = await updateEmailProvider(org.id, admin, providerForm({ displayName: 'Renamed', password: '', version: 1 }))
    expect(result).toEqual({ ok: true, version: 2 })
    const row = await storedRow(org.id)
    expect(row?.displayName).toBe('Renamed')
    expect(row?.secrets).toBe(secret)
  })

  it.each([
    ['host', { host: 'smtp.elsewhere.example' }],
    ['port', { port: '2525' }],
    ['username', { username: 'someone-else' }],
  ])('is not sent to a new %s: a blank Password is refused and nothing is saved', async (_field, change) => {
    const { org, row } = await orgWithProvider()
    const result = await updateEmailProvider(org.id, admin, providerForm({ ...change, password: '', version: 1 }))
    expect(result).toEqual({ ok: false, code: 'secret-again', field: 'password' })
    expect(await storedRow(org.id)).toEqual(row)
    expect(await versionOf(org.id)).toBe(1)
  })

  it('is replaced when the host changes together with a new password, and dropped with Authentication None', async () => {
    const { org, secret } = await orgWithProvider()
    expect(await updateEmailProvider(org.id, admin, providerForm({ host: 'smtp.new.example', password: 'new password', version: 1 }))).toEqual({
      ok: true,
      version: 2,
    })
    const replaced = await storedRow(org.id)
    expect(replaced?.host).toBe('smtp.new.example')
    expect(replaced?.secrets).not.toBe(secret)
    expect(opened(replaced?.secrets, org.id)).toEqual({ password: 'new password' })

    expect(await updateEmailProvider(org.id, admin, providerForm({ host: 'smtp.new.example', authKind: 'none', version: 2 }))).toEqual({ ok: true, version: 3 })
    expect((await storedRow(org.id))?.secrets).toBeNull()
    expect((await getProviderView(org.id)).provider).toMatchObject({ hasSecret: false, authKind: 'none', username: null })
  })
})

describe('OAuth 2.0 and service account settings', () => {
  const oauth = (fields: Record<string, unknown> = {}) =>
    providerForm({
      preset: 'microsoft365',
      host: 'smtp.office365.com',
      security: 'starttls',
      authKind: 'oauth_client_credentials',
      username: 'mailer@contoso.test',
      tenantId: 'contoso.onmicrosoft.com',
      tokenUrl: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
      clientId: 'app-id',
      clientSecret: 'client-secret-1',
      scope: 'https://outlook.office365.com/.default',
      clientSecretExpiresAt: '2027-01-31',
      ...fields,
    })

  it("stores the client secret sealed, the kind's settings as its own JSON object, and drops the password of the previous kind", async () => {
    const { org } = await orgWithProvider()
    expect(await updateEmailProvider(org.id, admin, oauth({ version: 1 }))).toEqual({ ok: true, version: 2 })
    const row = await storedRow(org.id)
    expect(row).toMatchObject({ preset: 'microsoft365', authKind: 'oauth_client_credentials' })
    expect(row?.signIn).toEqual({
      username: 'mailer@contoso.test',
      tenantId: 'contoso.onmicrosoft.com',
      tokenUrl: expect.any(String),
      clientId: 'app-id',
      scope: expect.any(String),
      clientSecretExpiresAt: '2027-01-31',
    })
    expect(opened(row?.secrets, org.id)).toEqual({ clientSecret: 'client-secret-1' })
    expect(JSON.stringify(await getProviderView(org.id))).not.toContain('client-secret-1')
  })

  it.each([
    ['Token URL', { tokenUrl: 'https://login.example.test/token' }],
    ['Client ID', { clientId: 'another-app' }],
    ['mailbox', { username: 'someone@contoso.test' }],
  ])('asks for the client secret again when the %s changes', async (_what, change) => {
    const org = await newOrg()
    expect(await updateEmailProvider(org.id, admin, oauth({ version: 0 }))).toEqual({ ok: true, version: 1 })
    expect(await updateEmailProvider(org.id, admin, oauth({ ...change, clientSecret: '', version: 1 }))).toEqual({
      ok: false,
      code: 'secret-again',
      field: 'clientSecret',
    })
    expect(await updateEmailProvider(org.id, admin, oauth({ displayName: 'Kept', clientSecret: '', version: 1 }))).toEqual({ ok: true, version: 2 })
  })

  it('refuses a kind without its secret when none of that kind is saved', async () => {
    const { org } = await orgWithProvider()
    expect(await updateEmailProvider(org.id, admin, oauth({ clientSecret: '', version: 1 }))).toEqual({
      ok: false,
      code: 'secret-required',
      field: 'clientSecret',
    })
  })
})

describe('versions', () => {
  it('refuse a form loaded before someone else saved, with the conflict message, and save nothing', async () => {
    const { org, row } = await orgWithProvider()
    const auditCount = (await auditOf(org.id)).length
    const stale = await updateEmailProvider(org.id, admin, providerForm({ host: 'smtp.stale.example', password: 'stale password', version: 0 }))
    expect(stale).toEqual({ ok: false, code: 'conflict' })
    expect(await storedRow(org.id)).toEqual(row)
    expect(await versionOf(org.id)).toBe(1)
    expect(await auditOf(org.id)).toHaveLength(auditCount)
  })

  it('let exactly one of two saves made at the same moment from the same version win', async () => {
    const { org } = await orgWithProvider()
    const results = await Promise.all([
      updateEmailProvider(org.id, admin, providerForm({ host: 'smtp.one.example', password: 'one', version: 1 })),
      updateEmailProvider(org.id, admin, providerForm({ host: 'smtp.two.example', password: 'two', version: 1 })),
    ])
    const winners = results.flatMap((result, index) => (result.ok ? [index] : []))
    expect(winners).toHaveLength(1)
    expect(results[1 - winners[0]]).toEqual({ ok: false, code: 'conflict' })
    const row = await storedRow(org.id)
    expect(row?.host).toBe(['smtp.one.example', 'smtp.two.example'][winners[0]])
    expect(opened(row?.secrets, org.id).password).toBe(['one', 'two'][winners[0]])
    expect(await versionOf(org.id)).toBe(2)
  })

  it('save nothing when the form changes nothing, and keep the version', async () => {
    const { org, row } = await orgWithProvider()
    expect(await updateEmailProvider(org.id, admin, providerForm({ version: 1 }))).toEqual({ ok: true, version: 1 })
    expect(await storedRow(org.id)).toEqual(row)
    expect(await versionOf(org.id)).toBe(1)
  })
})

describe('revert', () => {
  it('deletes the custom settings, password included, and bumps the version', async () => {
    const { org } = await orgWithProvider()
    expect(await revertEmailProvider(org.id, admin, 1)).toEqual({ ok: true, version: 2 })
    expect(await storedRow(org.id)).toBeNull()
    expect(await getProviderView(org.id)).toEqual({ provider: null, version: 2 })
    expect(await getProviderForSending(org.id)).toBeNull()
  })

  it('cannot be overwritten by a form loaded before it, even once the same settings are saved again (no ABA)', async () => {
    const { org } = await orgWithProvider()
    const loadedBeforeRevert = providerForm({ displayName: 'From a stale tab', password: '', version: 1 })
    expect(await revertEmailProvider(org.id, admin, 1)).toEqual({ ok: true, version: 2 })

    expect(await updateEmailProvider(org.id, admin, loadedBeforeRevert)).toEqual({ ok: false, code: 'conflict' })
    expect(await storedRow(org.id)).toBeNull()

    // The same settings as before the revert, saved again: the row looks as it did at version 1, but the version moved on.
    expect(await updateEmailProvider(org.id, admin, providerForm({ password: PASSWORD, version: 2 }))).toEqual({ ok: true, version: 3 })
    const again = await storedRow(org.id)
    expect(await updateEmailProvider(org.id, admin, loadedBeforeRevert)).toEqual({ ok: false, code: 'conflict' })
    expect(await revertEmailProvider(org.id, admin, 1)).toEqual({ ok: false, code: 'conflict' })
    expect(await storedRow(org.id)).toEqual(again)
    expect(await versionOf(org.id)).toBe(3)
  })

  it('refuses when there is nothing to revert, and changes nothing', async () => {
    const org = await newOrg()
    const result = await revertEmailProvider(org.id, admin, 0)
    expect(result).toEqual({ ok: false, code: 'nothing-to-revert' })
    expect(await versionOf(org.id)).toBe(0)
  })
})

describe('scoping and the audit trail', () => {
  it("keeps one organization's provider out of another's", async () => {
    const { org } = await orgWithProvider()
    const other = await newOrg()
    expect(await getProviderView(other.id)).toEqual({ provider: null, version: 0 })
    expect(await getProviderForSending(other.id)).toBeNull()
    expect(await revertEmailProvider(other.id, admin, 0)).toMatchObject({ ok: false })
    expect(await storedRow(org.id)).not.toBeNull()
  })

  it('records who changed what, and never a secret or its ciphertext', async () => {
    const { org, secret } = await orgWithProvider()
    const secrets = new Set([PASSWORD, secret, 'second-password'])
    const [firstEntry] = await auditOf(org.id)
    const entries = [firstEntry]
    // Each step's entry is the one not seen before (two entries may share a createdAt millisecond).
    const recordStep = async (step: () => Promise<unknown>) => {
      expect(await step()).toMatchObject({ ok: true })
      const row = await storedRow(org.id)
      if (row?.secrets) secrets.add(row.secrets)
      const added = (await auditOf(org.id)).filter((entry) => !entries.some((seen) => seen.id === entry.id))
      expect(added).toHaveLength(1)
      entries.push(added[0])
    }
    await recordStep(() => updateEmailProvider(org.id, admin, providerForm({ host: 'smtp.second.example', password: 'second-password', version: 1 })))
    await recordStep(() => updateEmailProvider(org.id, admin, providerForm({ host: 'smtp.second.example', displayName: 'Kept password', version: 2 })))
    await recordStep(() =>
      updateEmailProvider(org.id, admin, providerForm({ host: 'smtp.second.example', displayName: 'No sign-in', authKind: 'none', version: 3 })),
    )
    await recordStep(() => revertEmailProvider(org.id, admin, 4))

    expect(entries.map((entry) => entry.action)).toEqual([
      'email_provider_update',
      'email_provider_update',
      'email_provider_update',
      'email_provider_update',
      'email_provider_revert',
    ])
    expect(entries.every((entry) => entry.actorId === admin.id && entry.actorEmail === admin.email)).toBe(true)
    const passwordNotes = entries.map(
      (entry) => (entry.details as { changes?: { field: string; note?: string }[] }).changes?.find((change) => change.field === 'password')?.note,
    )
    expect(passwordNotes).toEqual(['set', 'replaced', undefined, 'removed', undefined])
    expect(entries[1].details).toMatchObject({ changes: expect.arrayContaining([{ field: 'host', from: 'smtp.example.com', to: 'smtp.second.example' }]) })

    const text = JSON.stringify(entries)
    expect(secrets.size).toBe(4)
    for (const value of secrets) expect(text).not.toContain(value)
    expect(text).not.toContain('passwordSecret')
    expect(text).not.toContain('"secrets"')
  })
})

describe('delivery health', () => {
  it('restarts with each change of where mail goes, and not with a change of the Display Name', async () => {
    const { org } = await orgWithProvider()
    const prisma = await getPrisma()
    const deliveredAt = new Date(Date.now() - 60_000)
    await markOrgDelivered(prisma, org.id, deliveredAt)
    expect(await getDeliveryHealth(org.id)).toMatchObject({ lastDeliveredAt: deliveredAt })

    await updateEmailProvider(org.id, admin, providerForm({ displayName: 'Another name', version: 1 }))
    expect(await getDeliveryHealth(org.id)).toMatchObject({ lastDeliveredAt: deliveredAt })

    const beforeChange = new Date()
    await updateEmailProvider(org.id, admin, providerForm({ displayName: 'Another name', host: 'smtp.elsewhere.example', password: PASSWORD, version: 2 }))
    const restarted = await getDeliveryHealth(org.id)
    expect(restarted).toMatchObject({ lastDeliveredAt: null, failingSince: null })
    expect(restarted!.targetChangedAt!.getTime()).toBeGreaterThanOrEqual(beforeChange.getTime() - 5)
  })

  it('restarts with Revert, ending the old server’s failure', async () => {
    const { org } = await orgWithProvider()
    const prisma = await getPrisma()
    await holdOrganization(prisma, org.id, { message: 'the server refused the sign-in', hint: 'Check the Password' })
    expect((await getDeliveryHealth(org.id))?.failingSince).toBeInstanceOf(Date)
    await revertEmailProvider(org.id, admin, 1)
    expect(await getDeliveryHealth(org.id)).toMatchObject({ failingSince: null, failureCause: null, lastDeliveredAt: null, targetChangedAt: expect.any(Date) })
  })
})
