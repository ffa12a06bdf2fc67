import 'server-only'
import { hashPassword as scryptHash, verifyPassword as scryptVerify } from 'better-auth/crypto'
import { withHashSlot, type THashReservation } from './hash-queue'

/** Hashes a password (Better Auth's scrypt format) in the bounded hash queue, or in a place reserved in it earlier. */
export function hashPassword(password: string, reservation?: THashReservation): Promise<string> {
  return reservation ? reservation.run(() => scryptHash(password)) : withHashSlot(() => scryptHash(password))
}

/** Checks a password against a hash made by hashPassword, in the same queue. */
export function verifyPassword(data: { hash: string; password: string }): Promise<boolean> {
  return withHashSlot(() => scryptVerify(data))
}
