// Key rotation (lib/email-provider/server/rotate-secrets.ts and scripts/rotate-encryption-key.ts) on the run's database kind: afterwards the
// stored provider secrets open with the new key only, v1 passwords become v2 blobs, and a rotation that cannot finish
// changes nothing.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseBase64Key, reencryptSecrets, upgradeLegacySecrets } from '@/lib/email-provider/server/rotate-secrets'
import { openProviderSecrets, sealProviderSecrets } from '@/lib/email-provider/server/sealed-secrets'
import { keyFromBase64, open, seal, sealedKeyId, type TKey } from '@/lib/server/crypto/secret-box'
import { openDatabase } from '@/lib/server/db/open'
import type { PrismaClient } from '@/lib/server/db/prisma'
import { isPostgresRun, openFreshDatabase, type TFreshDatabase } from '../support/data-db'
import { uniqueTag } from '../support/data-fixtures'

const newKeyText = () => randomBytes(32).toString('base64')

type TSeeded = { orgId: string; password: string | null }

/** An organization with a custom provider whose password (if any) is sealed with `key`: a v1 row, or a v2 blob. */
async function seedProvider(prisma: PrismaClient, password: string | null, key: TKey, format: 'v1' | 'v2' = 'v1'): Promise<TSeeded> {
  const tag = uniqueTag()
  const org = await prisma.organization.create({ data: { name: `Rotation ${tag}`, slug: `rotation-${tag}`, emailProviderVersion: 3 } })
  await prisma.emailProviderSettings.create({
    data: {
      orgId: org.id,
      host: 'smtp.example.com',
      port: 587,
      fromAddress: 'no-reply@example.com',
      signIn: { username: 'mailer' },
      passwordSecret: password === null || format === 'v2' ? null : seal(password, key),
      secrets: password === null || format === 'v1' ? null : sealProviderSecrets({ password }, org.id, key),
      updatedAt: new Date('2030-01-01T00:00:00Z'),
    },
  })
  return { orgId: org.id, password }
}

async function secretOf(prisma: PrismaClient, orgId: string) {
  const row = await prisma.emailProviderSettings.findUniqueOrThrow({ where: { orgId }, include: { org: { select: { emailProviderVersion: true } } } })
  return { secret: row.secrets ?? row.passwordSecret, orgId, updatedAt: row.updatedAt, version: row.org.emailProviderVersion }
}

/** True when `secret` is a v2 blob of `orgId` really encrypted with `key`'s bytes (not merely labelled with its id). */
function isSealedWith(secret: string, key: TKey, password: string, orgId: string): boolean {
  return secret.startsWith('v2:') && sealedKeyId(secret) === key.id && openProviderSecrets(secret, orgId, [key]).password === password
}

describe('reencryptSecrets', () => {
  let database: TFreshDatabase
  const oldKey = keyFromBase64(newKeyText())
  const previousKey = keyFromBase64(newKeyText())
  const newKey = keyFromBase64(newKeyText())

  beforeAll(async () => {
    database = await openFreshDatabase()
  })
  afterAll(() => database?.dispose())
  beforeEach(async () => {
    await database.prisma.emailProviderSettings.deleteMany()
  })

  it('re-seals passwords of the current and previous keys with the new key; the old keys no longer open them', async () => {
    const { prisma } = database
    const withOld = await seedProvider(prisma, 'old-key password', oldKey)
    const withPrevious = await seedProvider(prisma, 'previous-key pässword', previousKey)
    const withNew = await seedProvider(prisma, 'already rotated', newKey, 'v2')
    const withoutPassword = await seedProvider(prisma, null, oldKey)
    const before = await secretOf(prisma, withNew.orgId)

    expect(await reencryptSecrets(prisma, [oldKey, previousKey], newKey)).toEqual({ reencrypted: 2, alreadyCurrent: 1 })

    for (const seeded of [withOld, withPrevious]) {
      const after = await secretOf(prisma, seeded.orgId)
      expect(isSealedWith(after.secret ?? '', newKey, seeded.password ?? '', seeded.orgId)).toBe(true)
      expect(() => openProviderSecrets(after.secret ?? '', seeded.orgId, [oldKey, previousKey])).toThrow(/unknown key/)
      // The old key's bytes under the new key's id: the ciphertext itself changed, not only its label.
      expect(() => openProviderSecrets(after.secret ?? '', seeded.orgId, [{ id: newKey.id, bytes: oldKey.bytes }])).toThrow()
      expect(() => openProviderSecrets(after.secret ?? '', seeded.orgId, [{ id: newKey.id, bytes: previousKey.bytes }])).toThrow()
      expect(after).toMatchObject({ updatedAt: new Date('2030-01-01T00:00:00Z'), version: 3 })
    }
    expect(await secretOf(prisma, withNew.orgId)).toEqual(before)
    expect((await secretOf(prisma, withoutPassword.orgId)).secret).toBeNull()

    expect(await reencryptSecrets(prisma, [oldKey, previousKey], newKey)).toEqual({ reencrypted: 0, alreadyCurrent: 3 })
  })

  it('changes nothing when a password was sealed with a key it is not given', async () => {
    const { prisma } = database
    const stranger = keyFromBase64(newKeyText())
    const withOld = await seedProvider(prisma, 'old-key password', oldKey)
    await seedProvider(prisma, 'stranger password', stranger)
    const before = await secretOf(prisma, withOld.orgId)

    await expect(reencryptSecrets(prisma, [oldKey], newKey)).rejects.toThrow(
      `Nothing was changed: some stored secrets were sealed with a key that is not given (key id ${stranger.id})`,
    )
    expect(await secretOf(prisma, withOld.orgId)).toEqual(before)
  })

  it('changes nothing, and says which organization, when a password does not decrypt', async () => {
    const { prisma } = database
    const [first, second] = [await seedProvider(prisma, 'first password', oldKey), await seedProvider(prisma, 'second password', oldKey)]
    const tampered = (await secretOf(prisma, second.orgId)).secret?.replace(/:([^:]+)$/, `:${Buffer.from('tampered').toString('base64')}`)
    await prisma.emailProviderSettings.update({ where: { orgId: second.orgId }, data: { passwordSecret: tampered } })
    const before = await secretOf(prisma, first.orgId)

    await expect(reencryptSecrets(prisma, [oldKey], newKey)).rejects.toThrow(`the secrets of organization ${second.orgId} do not decrypt`)
    expect(await secretOf(prisma, first.orgId)).toEqual(before)
    expect(sealedKeyId(before.secret ?? '')).toBe(oldKey.id)
    expect(open(before.secret ?? '', [oldKey])).toBe('first password')
  })
})

describe('upgradeLegacySecrets (start-up)', () => {
  let database: TFreshDatabase
  const currentKey = keyFromBase64(newKeyText())
  const previousKey = keyFromBase64(newKeyText())

  beforeAll(async () => {
    database = await openFreshDatabase()
  })
  afterAll(() => database?.dispose())

  it('turns v1 passwords into v2 blobs of their organization with the current key, once, and leaves the rest alone', async () => {
    const { prisma } = database
    const v1 = await seedProvider(prisma, 'v1 password', previousKey)
    const v2 = await seedProvider(prisma, 'v2 password', currentKey, 'v2')
    const unreadable = await seedProvider(prisma, 'lost key password', keyFromBase64(newKeyText()))
    const v2Before = await secretOf(prisma, v2.orgId)

    expect(await upgradeLegacySecrets(prisma, [currentKey, previousKey], currentKey)).toBe(1)
    expect(isSealedWith((await secretOf(prisma, v1.orgId)).secret ?? '', currentKey, 'v1 password', v1.orgId)).toBe(true)
    expect((await prisma.emailProviderSettings.findUniqueOrThrow({ where: { orgId: v1.orgId } })).passwordSecret).toBeNull()
    expect(await secretOf(prisma, v2.orgId)).toEqual(v2Before)
    expect((await secretOf(prisma, unreadable.orgId)).secret).toMatch(/^v1:/)
    expect(await upgradeLegacySecrets(prisma, [currentKey, previousKey], currentKey)).toBe(0)
  })
})

describe('parseBase64Key', () => {
  it('accepts 32 base64 bytes (surrounding whitespace too) and refuses anything else, naming the source', () => {
    const text = newKeyText()
    expect(parseBase64Key(`${text}\n`, 'NEW').id).toBe(keyFromBase64(text).id)
    for (const bad of ['', 'abc', randomBytes(16).toString('base64'), randomBytes(33).toString('base64'), `${text.slice(0, -4)}!!!!`]) {
      expect(() => parseBase64Key(bad, 'the --new-key value')).toThrow('the --new-key value must be 32 random bytes, base64-encoded')
    }
  })
})

type TRun = { code: number; stdout: string; stderr: string }

// The command as an operator runs it, with only the settings given here (none of this test run's).
function runRotation(args: string[], settings: Record<string, string>): Promise<TRun> {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of ['DATABASE_URL', 'ENCRYPTION_KEY', 'ENCRYPTION_KEY_PREVIOUS', 'PGLITE_DIR', 'DATA_DIR']) delete env[name]
  Object.assign(env, settings)
  return new Promise((resolve) => {
    execFile(
      join(process.cwd(), 'node_modules', '.bin', 'tsx'),
      ['scripts/rotate-encryption-key.ts', ...args],
      { cwd: process.cwd(), env },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

describe(`the rotate-encryption-key command (${isPostgresRun ? 'PostgreSQL' : 'embedded database'})`, () => {
  const folders: string[] = []
  const tempFolder = () => {
    const folder = mkdtempSync(join(tmpdir(), 'console-rotation-'))
    folders.push(folder)
    return folder
  }
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
  })

  function expectNoSecretIn(run: TRun, secrets: string[]) {
    for (const secret of secrets) expect(run.stdout + run.stderr).not.toContain(secret)
  }

  it.runIf(isPostgresRun)('re-encrypts every stored password and tells the operator what to do next', async () => {
    const [oldText, newText] = [newKeyText(), newKeyText()]
    const database = await openFreshDatabase()
    try {
      const seeded = [
        await seedProvider(database.prisma, 'first password', keyFromBase64(oldText)),
        await seedProvider(database.prisma, 'second password', keyFromBase64(oldText)),
      ]
      const keyFile = join(tempFolder(), 'new.key')
      writeFileSync(keyFile, `${newText}\n`, { mode: 0o600 })

      const run = await runRotation(['--new-key-file', keyFile], { DATABASE_URL: database.url ?? '', ENCRYPTION_KEY: oldText })
      expect(run).toMatchObject({ code: 0, stderr: '' })
      expect(run.stdout).toContain(`Re-encrypted 2 stored provider secrets with the new key (key id ${keyFromBase64(newText).id}); 0 already used it.`)
      expect(run.stdout).toContain('set ENCRYPTION_KEY to the new key and ENCRYPTION_KEY_PREVIOUS to the old key')
      expectNoSecretIn(run, [oldText, newText, 'first password', 'second password'])
      for (const { orgId, password } of seeded) {
        expect(isSealedWith((await secretOf(database.prisma, orgId)).secret ?? '', keyFromBase64(newText), password ?? '', orgId)).toBe(true)
      }
    } finally {
      await database.dispose()
    }
  })

  it.runIf(!isPostgresRun)(
    "re-encrypts with the embedded default's generated key file as the current key",
    async () => {
      const [oldText, newText] = [newKeyText(), newKeyText()]
      const dataDir = tempFolder()
      writeFileSync(join(dataDir, 'encryption-key'), `${oldText}\n`, { mode: 0o600 })
      const pgliteDir = join(dataDir, 'pglite')
      const seeding = await openDatabase({ pgliteDir })
      const seeded = await seedProvider(seeding.prisma, 'embedded password', keyFromBase64(oldText))
      await seeding.close()

      const run = await runRotation(['--new-key', newText], { DATA_DIR: dataDir })
      expect(run).toMatchObject({ code: 0, stderr: '' })
      expect(run.stdout).toContain('Re-encrypted 1 stored provider secret with the new key')
      expect(run.stdout).toContain(`set ENCRYPTION_KEY to the new key (it takes precedence over ${join(dataDir, 'encryption-key')})`)
      expectNoSecretIn(run, [oldText, newText, 'embedded password'])

      const reopened = await openDatabase({ pgliteDir })
      try {
        expect(isSealedWith((await secretOf(reopened.prisma, seeded.orgId)).secret ?? '', keyFromBase64(newText), 'embedded password', seeded.orgId)).toBe(true)
      } finally {
        await reopened.close()
      }
    },
    60_000,
  ) // three PGlite starts (seed, command, check): up to 6 s each on a slow machine

  it('refuses a new key that is not 32 base64 bytes, in a sentence, without touching the database', async () => {
    const run = await runRotation(['--new-key', 'not-a-key'], { DATA_DIR: tempFolder(), ENCRYPTION_KEY: newKeyText() })
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr.trim()).toBe(
      'rotate-encryption-key: the --new-key value must be 32 random bytes, base64-encoded (generate one with: openssl rand -base64 32)',
    )
  })
})
