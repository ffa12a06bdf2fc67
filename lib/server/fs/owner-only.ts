// Everything under DATA_DIR (the embedded database, its WAL, the generated key) is readable by its owner alone: another
// local user must not read reset tokens or sealed secrets out of the files.
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/** Files and directories created from now on by this process get no group or other permissions. */
export function restrictUmask() {
  process.umask(0o077)
}

/**
 * Creates `dir` (mode 0700) or tightens an existing one and everything in it (directories 0700, files 0600); throws,
 * naming the chmod to run, when a mode cannot be changed (e.g. the files belong to another user).
 */
export function ensureOwnerOnlyDir(dir: string) {
  restrictUmask()
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  tighten(dir, dir)
}

function tighten(path: string, root: string) {
  const stat = lstatSync(path)
  if (stat.isSymbolicLink()) return
  const wanted = stat.isDirectory() ? 0o700 : 0o600
  if ((stat.mode & 0o077) !== 0) {
    try {
      chmodSync(path, (stat.mode & 0o700) | (wanted & 0o700))
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new Error(`${path} is readable by other users and could not be tightened (${reason}). Run: chmod -R go-rwx ${root}`)
    }
  }
  if (stat.isDirectory()) for (const name of readdirSync(path)) tighten(join(path, name), root)
}
