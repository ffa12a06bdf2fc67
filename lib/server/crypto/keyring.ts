import 'server-only'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { env } from '@/lib/env'
import { keyFromBase64, type TKey } from './secret-box'

const holder = globalThis as typeof globalThis & { __keyring?: { current: TKey; all: TKey[] } }

/** The current encryption key (seals new secrets) and every key that may open stored ones. */
export function getKeyring(): { current: TKey; all: TKey[] } {
  if (!holder.__keyring) {
    const current = keyFromBase64(env.ENCRYPTION_KEY ?? loadOrCreateLocalKey())
    const previous = env.ENCRYPTION_KEY_PREVIOUS ? [keyFromBase64(env.ENCRYPTION_KEY_PREVIOUS)] : []
    holder.__keyring = { current, all: [current, ...previous] }
  }
  return holder.__keyring
}

// Embedded default only (env.ts requires ENCRYPTION_KEY with PostgreSQL): a key generated once, kept beside the data.
function loadOrCreateLocalKey(): string {
  const file = join(env.DATA_DIR, 'encryption-key')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(env.DATA_DIR, { recursive: true })
  const key = randomBytes(32).toString('base64')
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' })
  chmodSync(file, 0o600)
  console.warn(`[config] ENCRYPTION_KEY is not set: generated one into ${file} (mode 0600). Set ENCRYPTION_KEY in production and keep it safe.`)
  return key
}
