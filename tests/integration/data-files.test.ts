// File permissions under DATA_DIR (lib/server/fs/owner-only.ts, lib/server/db/open.ts, lib/server/crypto/keyring.ts):
// another local user reads nothing of the embedded database, its WAL or the key.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, lstatSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '@/lib/server/db/open'
import { ensureOwnerOnlyDir } from '@/lib/server/fs/owner-only'
import { loadOrCreateLocalKey } from '@/lib/server/crypto/keyring'

const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'console-files-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** Every path under `dir` whose mode lets group or others in, with its mode. */
function openToOthers(dir: string): string[] {
  const found: string[] = []
  const walk = (path: string) => {
    const stat = lstatSync(path)
    if ((stat.mode & 0o077) !== 0) found.push(`${path} ${(stat.mode & 0o777).toString(8)}`)
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name))
  }
  walk(dir)
  return found
}

describe('the embedded database', () => {
  it('keeps every directory and file owner-only, the WAL included, even under a permissive umask', async () => {
    const previous = process.umask(0o000) // as a careless service manager might start us
    try {
      const dir = join(tempDir(), 'pglite')
      const database = await openDatabase({ pgliteDir: dir })
      expect(openToOthers(dir)).toEqual([])
      await database.prisma.organization.create({ data: { name: 'Files', slug: `files-${Date.now()}` } })
      // while it runs, files PGlite adds are unreachable to others: the folder itself is owner-only
      expect(statSync(dir).mode & 0o777).toBe(0o700)
      await database.close()
      expect(readdirSync(dir).length).toBeGreaterThan(0)
      expect(openToOthers(dir)).toEqual([])
    } finally {
      process.umask(previous)
    }
  })

  it('tightens an existing directory and its files', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'pglite', 'base'), { recursive: true })
    writeFileSync(join(dir, 'pglite', 'base', 'file'), 'x')
    chmodSync(join(dir, 'pglite', 'base', 'file'), 0o666)
    chmodSync(join(dir, 'pglite'), 0o777)
    chmodSync(dir, 0o755)
    ensureOwnerOnlyDir(dir)
    expect(openToOthers(dir)).toEqual([])
    expect(statSync(join(dir, 'pglite', 'base', 'file')).mode & 0o777).toBe(0o600)
    expect(statSync(join(dir, 'pglite')).mode & 0o777).toBe(0o700)
  })
})

describe('the generated encryption key', () => {
  it('is created 0600 in an owner-only DATA_DIR', () => {
    const dir = join(tempDir(), 'data')
    const key = loadOrCreateLocalKey(dir)
    expect(Buffer.from(key, 'base64')).toHaveLength(32)
    expect(statSync(join(dir, 'encryption-key')).mode & 0o777).toBe(0o600)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(loadOrCreateLocalKey(dir)).toBe(key)
  })

  it('is refused, with the chmod to run, when its file is readable by others', () => {
    const dir = tempDir()
    const file = join(dir, 'encryption-key')
    writeFileSync(file, `${Buffer.alloc(32, 1).toString('base64')}\n`)
    chmodSync(file, 0o644)
    expect(() => loadOrCreateLocalKey(dir)).toThrow(`Run: chmod 600 ${file}`)
    chmodSync(file, 0o600)
    expect(loadOrCreateLocalKey(dir)).toBe(Buffer.alloc(32, 1).toString('base64'))
  })
})
