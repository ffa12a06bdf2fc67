// Re-encrypts the stored email provider passwords with a new encryption key. Run with --help for the steps.
// Plain Node (tsx): it imports no 'server-only' module, and reads its settings through lib/env.ts like the app.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { TEnv } from '@/lib/env'

const USAGE = `Usage: npm run rotate-encryption-key -- --new-key-file PATH   (or --new-key BASE64, which other users may see in ps)

Re-encrypts every stored email provider password with the new key, in one transaction. The database and the
current key come from the same settings as the console: DATABASE_URL (or the embedded database in DATA_DIR),
ENCRYPTION_KEY (or DATA_DIR/encryption-key when unset) and ENCRYPTION_KEY_PREVIOUS. Make the new key with:
  openssl rand -base64 32 > new.key

With the embedded database, stop the console first: only one process may open it.

Two ways to rotate on PostgreSQL:
  A. Run this with the old key as ENCRYPTION_KEY, then set ENCRYPTION_KEY=new and ENCRYPTION_KEY_PREVIOUS=old
     everywhere and restart. Instances not yet restarted cannot decrypt the passwords until they are.
  B. No interruption: first set ENCRYPTION_KEY=new and ENCRYPTION_KEY_PREVIOUS=old everywhere and restart,
     then run this (with those settings), then remove ENCRYPTION_KEY_PREVIOUS.`

type TArguments = { newKeyText: string; newKeySource: string } | { help: true }

function parseArguments(argv: string[]): TArguments {
  const { values } = parseArgs({
    args: argv,
    options: { 'new-key-file': { type: 'string' }, 'new-key': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  })
  if (values.help) return { help: true }
  const file = values['new-key-file']
  const inline = values['new-key']
  if (file !== undefined && inline !== undefined) throw new Error('give either --new-key-file or --new-key, not both')
  if (file !== undefined) {
    if (!existsSync(file)) throw new Error(`--new-key-file: ${file} does not exist`)
    return { newKeyText: readFileSync(file, 'utf8'), newKeySource: `the key in ${file}` }
  }
  if (inline !== undefined) return { newKeyText: inline, newKeySource: 'the --new-key value' }
  throw new Error('the new key is missing: pass --new-key-file PATH (see --help)')
}

// The same key the console uses: ENCRYPTION_KEY, or the one the embedded default generated (never created here).
function currentKeyText(env: TEnv): { text: string; source: string } {
  if (env.ENCRYPTION_KEY) return { text: env.ENCRYPTION_KEY, source: 'ENCRYPTION_KEY' }
  const file = join(env.DATA_DIR, 'encryption-key')
  if (!existsSync(file)) throw new Error(`ENCRYPTION_KEY is not set and ${file} does not exist: there is no current key to rotate from`)
  return { text: readFileSync(file, 'utf8'), source: file }
}

function embeddedDatabaseDir(env: TEnv): string {
  const dir = env.PGLITE_DIR ?? join(env.DATA_DIR, 'pglite')
  if (dir.includes('://') || !existsSync(dir)) throw new Error(`there is no embedded database at ${dir} (set DATABASE_URL or DATA_DIR to the console's)`)
  return dir
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

async function main(argv: string[]): Promise<void> {
  const parsed = parseArguments(argv)
  if ('help' in parsed) {
    console.info(USAGE)
    return
  }
  // Imported here so that a configuration error prints as a message, not as a stack trace.
  const { env } = await import('@/lib/env')
  const { openDatabase } = await import('@/lib/server/db/open')
  const { parseBase64Key, reencryptSecrets } = await import('@/lib/email-provider/server/rotate-secrets')

  const newKey = parseBase64Key(parsed.newKeyText, parsed.newKeySource)
  const current = currentKeyText(env)
  const currentKey = parseBase64Key(current.text, current.source)
  const knownKeys = env.ENCRYPTION_KEY_PREVIOUS ? [currentKey, parseBase64Key(env.ENCRYPTION_KEY_PREVIOUS, 'ENCRYPTION_KEY_PREVIOUS')] : [currentKey]
  const isEmbedded = !env.DATABASE_URL

  const database = await openDatabase(isEmbedded ? { pgliteDir: embeddedDatabaseDir(env) } : { url: env.DATABASE_URL })
  try {
    if (database.applied.length > 0) console.info(`Applied pending migrations first: ${database.applied.join(', ')}`)
    const result = await reencryptSecrets(database.prisma, knownKeys, newKey)
    console.info(
      `Re-encrypted ${plural(result.reencrypted, 'stored provider secret')} with the new key (key id ${newKey.id}); ` +
        `${result.alreadyCurrent} already used it.`,
    )
  } finally {
    await database.close()
  }

  if (newKey.id === currentKey.id) {
    console.info('\nENCRYPTION_KEY already is the new key. Once every instance runs with it and this command re-encrypts 0, remove ENCRYPTION_KEY_PREVIOUS.')
  } else if (isEmbedded) {
    const precedence = current.source === 'ENCRYPTION_KEY' ? '' : ` (it takes precedence over ${current.source})`
    console.info(
      `\nNext: set ENCRYPTION_KEY to the new key${precedence} and ENCRYPTION_KEY_PREVIOUS to the old key, then start the console.` +
        ' Remove ENCRYPTION_KEY_PREVIOUS once it runs.',
    )
  } else {
    console.info(
      [
        '\nNext:',
        '  1. On every instance set ENCRYPTION_KEY to the new key and ENCRYPTION_KEY_PREVIOUS to the old key, and restart it.',
        '     Until it restarts, an instance still on the old key cannot decrypt these passwords (its custom-provider emails fail).',
        '  2. When all instances run with the new key, run this command again with the same new key: it re-encrypts',
        '     whatever an instance on the old key saved in between.',
        '  3. Then remove ENCRYPTION_KEY_PREVIOUS.',
      ].join('\n'),
    )
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`rotate-encryption-key: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
