import 'server-only'
import { hashPassword as scryptHash, verifyPassword as scryptVerify } from 'better-auth/crypto'
import { withHashSlot } from './hash-queue'

/** Hashes a password (Better Auth's scrypt format) in the bounded hash queue. */
export function hashPassword(password: string): Promise<string> {
  return withHashSlot(() => scryptHash(password))
}

/** Checks a password against a hash made by hashPassword, in the same queue. */
export function verifyPassword(data: { hash: string; password: string }): Promise<boolean> {
  return withHashSlot(() => scryptVerify(data))
}
