// A throw-away certificate authority for the SMTP fixtures. Trust reaches the code under test only
// through NODE_EXTRA_CA_CERTS (see ca-setup.ts), exactly as an operator's private CA would.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generate } from 'selfsigned'

export type TKeyPair = { key: string; cert: string }

export type TTestCa = {
  dir: string
  /** PEM of the CA, the file NODE_EXTRA_CA_CERTS points at. */
  caPath: string
  caCert: string
  /** Issued by the CA for localhost, 127.0.0.1 and ::1. */
  server: TKeyPair
  /** Issued by the CA for wrong-name.example.test and the IP 127.0.0.1 (but not for localhost). */
  wrongName: TKeyPair
  /** Self-signed for localhost and 127.0.0.1: trusted by nobody. */
  untrusted: TKeyPair
}

const FILES = ['ca.pem', 'ca-key.pem', 'server.pem', 'server-key.pem', 'wrong-name.pem', 'wrong-name-key.pem', 'untrusted.pem', 'untrusted-key.pem']
const DAY = 24 * 60 * 60 * 1000

type TAltName = { type: 2; value: string } | { type: 7; ip: string }

function leafOptions(altNames: TAltName[]) {
  return {
    keyType: 'ec' as const,
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - DAY),
    notAfterDate: new Date(Date.now() + 365 * DAY),
    extensions: [
      { name: 'basicConstraints' as const, cA: false },
      { name: 'keyUsage' as const, digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage' as const, serverAuth: true },
      { name: 'subjectAltName' as const, altNames },
    ],
  }
}

/** True when the directory already holds a complete test CA. */
export function isTestCaDir(dir: string): boolean {
  return FILES.every((file) => existsSync(join(dir, file)))
}

/** Generates the CA and its certificates into `dir` (created if missing). */
export async function createTestCa(dir: string): Promise<TTestCa> {
  mkdirSync(dir, { recursive: true })
  const ca = await generate([{ name: 'commonName', value: 'Email Console Test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - DAY),
    notAfterDate: new Date(Date.now() + 365 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  })
  const signer = { ca: { key: ca.private, cert: ca.cert } }
  const local: TAltName[] = [
    { type: 2, value: 'localhost' },
    { type: 7, ip: '127.0.0.1' },
    { type: 7, ip: '::1' },
  ]
  const server = await generate([{ name: 'commonName', value: 'localhost' }], { ...leafOptions(local), ...signer })
  const wrong = await generate([{ name: 'commonName', value: 'wrong-name.example.test' }], {
    ...leafOptions([
      { type: 2, value: 'wrong-name.example.test' },
      { type: 7, ip: '127.0.0.1' },
    ]),
    ...signer,
  })
  const untrusted = await generate([{ name: 'commonName', value: 'localhost' }], leafOptions(local.slice(0, 2)))
  const contents: Record<string, string> = {
    'ca.pem': ca.cert,
    'ca-key.pem': ca.private,
    'server.pem': server.cert,
    'server-key.pem': server.private,
    'wrong-name.pem': wrong.cert,
    'wrong-name-key.pem': wrong.private,
    'untrusted.pem': untrusted.cert,
    'untrusted-key.pem': untrusted.private,
  }
  for (const [file, pem] of Object.entries(contents)) writeFileSync(join(dir, file), pem, { mode: 0o600 })
  return loadTestCa(dir)
}

/** Reads a test CA made by createTestCa (by default from TEST_CA_DIR, set by the global setup). */
export function loadTestCa(dir = process.env.TEST_CA_DIR): TTestCa {
  if (!dir || !isTestCaDir(dir)) throw new Error('No test CA: run the integration project (its globalSetup makes one) or set TEST_CA_DIR')
  const read = (file: string) => readFileSync(join(dir, file), 'utf8')
  const pair = (name: string): TKeyPair => ({ key: read(`${name}-key.pem`), cert: read(`${name}.pem`) })
  return { dir, caPath: join(dir, 'ca.pem'), caCert: read('ca.pem'), server: pair('server'), wrongName: pair('wrong-name'), untrusted: pair('untrusted') }
}
