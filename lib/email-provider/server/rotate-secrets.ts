// Re-encrypts the provider secrets stored at rest with a new key (scripts/rotate-encryption-key.ts is the command around it).
// No 'server-only' marker: like lib/server/db/open.ts it takes its client as an argument and runs in a plain Node script.
import type { PrismaClient } from '@/lib/server/db/prisma'
import { isBase64Key, keyFromBase64, sealedKeyId, type TKey } from '@/lib/server/crypto/secret-box'
import { openProviderSecrets, sealProviderSecrets, upgradeLegacyPassword } from './sealed-secrets'

export type TRotationResult = { reencrypted: number; alreadyCurrent: number }

// Rotation runs in one transaction; PGlite and each PostgreSQL row lock wait for it, so it must not stop half-way.
const TRANSACTION_TIMEOUT_MS = 10 * 60_000

/** A key given as text (argument, file or env): 32 bytes, base64; `label` names it in the error. */
export function parseBase64Key(text: string, label: string): TKey {
  const value = text.trim()
  if (!isBase64Key(value)) {
    throw new Error(`${label} must be 32 random bytes, base64-encoded (generate one with: openssl rand -base64 32)`)
  }
  return keyFromBase64(value)
}

type TSecretRow = { orgId: string; secrets: string | null; passwordSecret: string | null }

/**
 * Re-seals every organization's provider secrets with `newKey`, in one transaction; v1 rows (a password sealed alone)
 * become v2 blobs on the way. Blobs already sealed with `newKey` are left as they are. Throws, changing nothing, if one
 * was sealed with a key in neither `knownKeys` nor `newKey`. Neither `updatedAt` nor the settings version moves: the
 * settings did not change, only their encryption.
 */
export async function reencryptSecrets(prisma: PrismaClient, knownKeys: TKey[], newKey: TKey): Promise<TRotationResult> {
  const keys = [newKey, ...knownKeys]
  return prisma.$transaction(
    async (tx) => {
      // FOR UPDATE: an Update saved meanwhile waits for the rotation instead of being overwritten with older secrets.
      const rows = await tx.$queryRaw<TSecretRow[]>`
        SELECT "orgId", "secrets", "passwordSecret" FROM "email_provider_settings"
        WHERE "secrets" IS NOT NULL OR "passwordSecret" IS NOT NULL ORDER BY "orgId" FOR UPDATE`
      const stale = rows.filter((row) => row.secrets === null || sealedKeyId(row.secrets) !== newKey.id || row.passwordSecret !== null)
      const unknownIds = [...new Set(stale.map(sealedOf).map(sealedKeyId))].filter((id) => !keys.some((key) => key.id === id))
      if (unknownIds.length > 0) {
        throw new Error(
          `Nothing was changed: some stored secrets were sealed with a key that is not given (key id ${unknownIds.join(', ')}). ` +
            'Set ENCRYPTION_KEY_PREVIOUS to that key and run again.',
        )
      }
      for (const row of stale) {
        let resealed: string | null
        try {
          resealed = resealRow(row, keys, newKey)
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error)
          throw new Error(`Nothing was changed: the secrets of organization ${row.orgId} do not decrypt (${reason})`)
        }
        await tx.$executeRaw`UPDATE "email_provider_settings" SET "secrets" = ${resealed}, "passwordSecret" = NULL WHERE "orgId" = ${row.orgId}`
      }
      return { reencrypted: stale.length, alreadyCurrent: rows.length - stale.length }
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  )
}

/**
 * Start-up: v1 rows (a password sealed alone, from before provider model v2) become v2 blobs sealed with the
 * current key. Idempotent and safe with several instances starting at once; a row that does not open stays as it is
 * (sending then reports it). Returns how many rows were converted.
 */
export async function upgradeLegacySecrets(prisma: PrismaClient, keys: TKey[], currentKey: TKey): Promise<number> {
  const rows = await prisma.$queryRaw<TSecretRow[]>`
    SELECT "orgId", "secrets", "passwordSecret" FROM "email_provider_settings" WHERE "passwordSecret" IS NOT NULL AND "secrets" IS NULL`
  let converted = 0
  for (const row of rows) {
    let resealed: string | null
    try {
      resealed = resealRow(row, keys, currentKey)
    } catch {
      continue
    }
    converted += await prisma.$executeRaw`
      UPDATE "email_provider_settings" SET "secrets" = ${resealed}, "passwordSecret" = NULL
      WHERE "orgId" = ${row.orgId} AND "passwordSecret" = ${row.passwordSecret} AND "secrets" IS NULL`
  }
  return converted
}

const sealedOf = (row: TSecretRow) => row.secrets ?? row.passwordSecret ?? ''

function resealRow(row: TSecretRow, keys: TKey[], newKey: TKey): string | null {
  if (row.secrets !== null) return sealProviderSecrets(openProviderSecrets(row.secrets, row.orgId, keys), row.orgId, newKey)
  return upgradeLegacyPassword(row.passwordSecret ?? '', row.orgId, keys, newKey)
}
