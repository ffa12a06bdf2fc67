// AES-256-GCM for secrets at rest. Each sealed value names the key that sealed it, so keys can rotate.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

export type TKey = { id: string; bytes: Buffer }

const VERSION_1 = 'v1'
const VERSION_2 = 'v2'
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/** True when `value` is 32 bytes, base64-encoded: the form of every encryption key. */
export function isBase64Key(value: string): boolean {
  return BASE64.test(value) && Buffer.from(value, 'base64').length === 32
}

/** A key's id: a short hash of the key, stored beside each ciphertext. */
export function keyFromBase64(base64: string): TKey {
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.length !== 32) throw new Error('an encryption key must be 32 bytes')
  return { id: createHash('sha256').update(bytes).digest('hex').slice(0, 12), bytes }
}

/**
 * Encrypts `plaintext` with `key`: "<version>:<keyId>:<iv>:<tag>:<ciphertext>" (base64 parts). With a `context`
 * (format v2) the additional data binds it too, so the ciphertext opens only under the same context: a secret copied
 * to another organization's row does not open.
 */
export function seal(plaintext: string, key: TKey, context?: string): string {
  const version = context === undefined ? VERSION_1 : VERSION_2
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key.bytes, iv)
  cipher.setAAD(additionalData(version, key.id, context))
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return [version, key.id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':')
}

/** The id of the key that sealed `sealed`. */
export function sealedKeyId(sealed: string): string {
  return sealed.split(':')[1] ?? ''
}

/** Decrypts a value made by `seal`, with whichever of `keys` sealed it (and the same `context`, for v2). */
export function open(sealed: string, keys: TKey[], context?: string): string {
  const [version, keyId, iv, tag, ciphertext] = sealed.split(':')
  if ((version !== VERSION_1 && version !== VERSION_2) || !keyId || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed secret')
  if (version === VERSION_2 && context === undefined) throw new Error('a v2 secret opens only with its context')
  const key = keys.find((candidate) => candidate.id === keyId)
  if (!key) throw new Error(`secret sealed with unknown key ${keyId}; set ENCRYPTION_KEY_PREVIOUS to the old key`)
  const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64'))
  decipher.setAAD(additionalData(version, key.id, context))
  decipher.setAuthTag(Buffer.from(tag, 'base64'))
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8')
}

// v1 bound only the key id; v2 binds the format version and the caller's context as well.
function additionalData(version: string, keyId: string, context: string | undefined): Buffer {
  return Buffer.from(version === VERSION_1 ? keyId : `${version}\0${keyId}\0${context ?? ''}`)
}
