// Makes the test CA trusted by the vitest workers. Node reads NODE_EXTRA_CA_CERTS once, when a
// process starts: setting it here, in globalSetup, works because vitest forks its workers
// afterwards and they inherit this environment (the `threads` pool would not work).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestCa, isTestCaDir, loadTestCa } from './test-ca'

/** Creates (or reuses TEST_CA_DIR's) test CA and exports TEST_CA_DIR and NODE_EXTRA_CA_CERTS; returns the teardown. */
export async function setupTestCa(): Promise<() => void> {
  const shared = process.env.TEST_CA_DIR
  const reuse = Boolean(shared && isTestCaDir(shared))
  const dir = reuse && shared ? shared : mkdtempSync(join(tmpdir(), 'console-test-ca-'))
  const ca = reuse ? loadTestCa(dir) : await createTestCa(dir)
  process.env.TEST_CA_DIR = dir
  process.env.NODE_EXTRA_CA_CERTS = trustFile(ca.caPath, ca.caCert, dir)
  return () => {
    if (!reuse) rmSync(dir, { recursive: true, force: true })
  }
}

// Node takes a single file: CAs the environment already trusts are kept next to the test CA.
function trustFile(caPath: string, caCert: string, dir: string): string {
  const previous = process.env.NODE_EXTRA_CA_CERTS
  if (!previous || previous === caPath) return caPath
  const bundle = join(dir, 'extra-ca-bundle.pem')
  writeFileSync(bundle, `${readFileSync(previous, 'utf8').trim()}\n${caCert}`)
  return bundle
}
