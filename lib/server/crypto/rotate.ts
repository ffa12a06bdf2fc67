// Re-encrypts the secrets stored at rest with a new key (scripts/rotate-encryption-key.ts is the command around it).
// No 'server-only' marker: like lib/server/db/open.ts it takes its client as an argument and runs in a plain Node script.
import type { PrismaClient } from '@/lib/server/db/prisma'
import { isBase64Key, keyFromBase64, open, seal, sealedKeyId, type TKey } from './secret-box'

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

/**
 * Re-seals every stored email provider password with `newKey`, in one transaction. Passwords already sealed with
 * `newKey` are left as they are. Throws, changing nothing, if one was sealed with a key in neither `knownKeys` nor
 * `newKey`. Neither `updatedAt` nor the settings version moves: the settings did not change, only their encryption.
 */
export async function reencryptSecrets(prisma: PrismaClient, knownKeys: TKey[], newKey: TKey): Promise<TRotationResult> {
  const keys = [newKey, ...knownKeys]
  return prisma.$transaction(
    async (tx) => {
      // FOR UPDATE: an Update saved meanwhile waits for the rotation instead of being overwritten with an older password.
      const rows = await tx.$queryRaw<Array<{ orgId: string; passwordSecret: string }>>`
        SELECT "orgId", "passwordSecret" FROM "email_provider_settings"
        WHERE "passwordSecret" IS NOT NULL ORDER BY "orgId" FOR UPDATE`
      const stale = rows.filter((row) => sealedKeyId(row.passwordSecret) !== newKey.id)
      const unknownIds = [...new Set(stale.map((row) => sealedKeyId(row.passwordSecret)))].filter((id) => !keys.some((key) => key.id === id))
      if (unknownIds.length > 0) {
        throw new Error(
          `Nothing was changed: some stored passwords were sealed with a key that is not given (key id ${unknownIds.join(', ')}). ` +
            'Set ENCRYPTION_KEY_PREVIOUS to that key and run again.',
        )
      }
      for (const row of stale) {
        let plaintext: string
        try {
          plaintext = open(row.passwordSecret, keys)
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error)
          throw new Error(`Nothing was changed: the password of organization ${row.orgId} does not decrypt (${reason})`)
        }
        await tx.$executeRaw`UPDATE "email_provider_settings" SET "passwordSecret" = ${seal(plaintext, newKey)} WHERE "orgId" = ${row.orgId}`
      }
      return { reencrypted: stale.length, alreadyCurrent: rows.length - stale.length }
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  )
}
