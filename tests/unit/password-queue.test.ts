import { describe, expect, it } from 'vitest'
import { HashQueueFullError, isHashQueueFull, MAX_WAITING_HASHES, reserveHashSlot } from '@/lib/auth/server/hash-queue'
import { hashPassword, verifyPassword } from '@/lib/auth/server/password'

describe('the password-hash queue', () => {
  it('refuses at once beyond its bound, and takes work again once it drains', async () => {
    // 2 running + MAX_WAITING_HASHES waiting fill it; the next one is refused without waiting for any hash.
    const accepted = Array.from({ length: MAX_WAITING_HASHES + 2 }, () => hashPassword('correct horse battery'))
    expect(isHashQueueFull()).toBe(true)
    await expect(hashPassword('one too many')).rejects.toBeInstanceOf(HashQueueFullError)
    await expect(verifyPassword({ hash: 'x', password: 'one too many' })).rejects.toBeInstanceOf(HashQueueFullError)
    // still refusing after a few finished: only once half the queue has drained do newcomers get in again
    await Promise.all(accepted.slice(0, 5))
    expect(isHashQueueFull()).toBe(true)
    await expect(hashPassword('still too many')).rejects.toBeInstanceOf(HashQueueFullError)
    await Promise.all(accepted.slice(0, MAX_WAITING_HASHES / 2 + 2))
    expect(isHashQueueFull()).toBe(false)
    const hashes = await Promise.all(accepted)
    expect(hashes).toHaveLength(MAX_WAITING_HASHES + 2)
    expect(isHashQueueFull()).toBe(false)
    expect(await verifyPassword({ hash: hashes[0]!, password: 'correct horse battery' })).toBe(true)
  }, 120_000)

  it('a place reserved before answering is never refused later, and counts toward the bound', async () => {
    const reservations = Array.from({ length: MAX_WAITING_HASHES - 1 }, () => reserveHashSlot()!)
    expect(isHashQueueFull()).toBe(false)
    const last = reserveHashSlot()!
    expect(isHashQueueFull()).toBe(true)
    expect(reserveHashSlot()).toBeNull()
    // the answered requests' hashes all run, full queue or not
    const hashes = await Promise.all([...reservations, last].map((reservation) => hashPassword('correct horse battery', reservation)))
    expect(hashes).toHaveLength(MAX_WAITING_HASHES)
    expect(isHashQueueFull()).toBe(false)
    // a reservation given back unused frees its place
    const unused = reserveHashSlot()!
    unused.cancel()
    unused.cancel()
    expect(isHashQueueFull()).toBe(false)
  }, 120_000)
})
