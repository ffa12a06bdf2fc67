import 'server-only'
import { createHash, randomInt, timingSafeEqual } from 'node:crypto'
import { claimRecoveryCode, deleteRecoveryCodes, listUnusedRecoveryCodes, releaseRecoveryCode, replaceRecoveryCodes } from './recovery-code-store'

export const RECOVERY_CODE_COUNT = 10
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567' // base32: no 0/1/8/9 to mix up with o, l, b, g
const GROUPS = 4
const GROUP_LENGTH = 4

// 16 symbols of 32 = 80 random bits per code: far too many to try offline, so a plain SHA-256 is enough (a slow hash
// protects guessable passwords, not random codes) and a lookup costs no hash-queue slot.
function newCode(): string {
  const symbols = Array.from({ length: GROUPS * GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)])
  return Array.from({ length: GROUPS }, (_, group) => symbols.slice(group * GROUP_LENGTH, (group + 1) * GROUP_LENGTH).join('')).join('-')
}

/** The SHA-256 of a code as typed: case, spaces and dashes do not matter. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(code.toLowerCase().replace(/[\s-]+/g, ''))
    .digest('hex')
}

/** New recovery codes for the admin, replacing any older ones; only their hashes are stored, the codes are answered once. */
export async function issueRecoveryCodes(userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode)
  await replaceRecoveryCodes(userId, codes.map(hashRecoveryCode))
  return codes
}

/**
 * Uses up one of the admin's codes: the claim (its id and time, to release it if the sign-in then fails), or null
 * when the code is not one of theirs or is used already. Hashes are compared in constant time.
 */
export async function redeemRecoveryCode(userId: string, code: string, now = new Date()): Promise<{ id: string; at: Date } | null> {
  const typed = Buffer.from(hashRecoveryCode(code), 'hex')
  const match = (await listUnusedRecoveryCodes(userId)).find((row) => timingSafeEqual(Buffer.from(row.codeHash, 'hex'), typed))
  if (!match || !(await claimRecoveryCode(match.id, now))) return null
  return { id: match.id, at: now }
}

/** Gives back a redeemed code whose sign-in did not complete (the challenge had ended, the account was locked). */
export async function releaseRedeemedCode(claim: { id: string; at: Date }): Promise<void> {
  await releaseRecoveryCode(claim.id, claim.at)
}

/** Two-factor is off: the codes go. */
export async function forgetRecoveryCodes(userId: string): Promise<void> {
  await deleteRecoveryCodes(userId)
}
