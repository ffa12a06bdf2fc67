import 'server-only'
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { env } from '@/lib/env'
import { getLogger } from '@/lib/server/logger'
import { ensureOwnerOnlyDir } from '@/lib/server/fs/owner-only'
import { keyFromBase64, type TKey } from './secret-box'

const holder = globalThis as typeof globalThis & { __keyring?: { current: TKey; all: TKey[] } }

/** The current encryption key (seals new secrets) and every key that may open stored ones. */
export function getKeyring(): { current: TKey; all: TKey[] } {
  if (!holder.__keyring) {
    const current = keyFromBase64(env.ENCRYPTION_KEY ?? loadOrCreateLocalKey(env.DATA_DIR))
    const previous = env.ENCRYPTION_KEY_PREVIOUS ? [keyFromBase64(env.ENCRYPTION_KEY_PREVIOUS)] : []
    holder.__keyring = { current, all: [current, ...previous] }
  }
  return holder.__keyring
}

/**
 * Embedded default only (env.ts requires ENCRYPTION_KEY with PostgreSQL): a key generated once, kept beside the data.
 * An existing key file that others may read is refused (tightening it would hide that it may have leaked).
 */
export function loadOrCreateLocalKey(dataDir: string): string {
  const file = join(dataDir, 'encryption-key')
  if (existsSync(file)) {
    const mode = statSync(file).mode & 0o777
    if ((mode & 0o077) !== 0) {
      throw new Error(
        `${file} has permissions ${mode.toString(8).padStart(4, '0')}: other users may read the encryption key. Run: chmod 600 ${file} (and rotate the key if it may have leaked)`,
      )
    }
    return readFileSync(file, 'utf8').trim()
  }
  ensureOwnerOnlyDir(dataDir)
  const key = randomBytes(32).toString('base64')
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' })
  chmodSync(file, 0o600)
  getLogger().warn(`[config] ENCRYPTION_KEY is not set: generated one into ${file} (mode 0600). Set ENCRYPTION_KEY in production and keep it safe.`)
  return key
}
