import 'server-only'
import { hashPassword as scryptHash, verifyPassword as scryptVerify } from 'better-auth/crypto'

// scrypt runs in libuv's threadpool (4 threads by default), which also compresses every response (zlib), reads
// files and resolves host names. Unlimited, a burst of sign-ups queues hundreds of ~90 ms hashes ahead of all that
// and every response of the server waits until the whole burst is hashed (bench/README.md, sign-up under load).
// At most two hashes run at once; the others wait here, in JavaScript, and the threadpool keeps two threads free.
// The queue is bounded too: past MAX_WAITING_HASHES a request is refused at once (busy, try again) instead of
// waiting minutes and holding its connection and memory; a flood cannot grow it without limit.
const MAX_CONCURRENT_HASHES = 2
export const MAX_WAITING_HASHES = 100
/** How long a refused caller should wait before trying again (seconds): about the time to drain a full queue. */
export const HASH_BUSY_RETRY_AFTER_SECONDS = 10

/** Thrown when the password-hash queue is full; actions answer "busy, try again in N seconds". */
export class HashQueueFullError extends Error {
  constructor() {
    super('The password-hash queue is full')
    this.name = 'HashQueueFullError'
  }
}

let running = 0
const waiting: Array<() => void> = []

/** Whether a new hash would be refused right now (checked before answering work that hashes later). */
export function isHashQueueFull(): boolean {
  return running >= MAX_CONCURRENT_HASHES && waiting.length >= MAX_WAITING_HASHES
}

function acquire(): Promise<void> {
  if (running < MAX_CONCURRENT_HASHES) {
    running++
    return Promise.resolve()
  }
  if (waiting.length >= MAX_WAITING_HASHES) return Promise.reject(new HashQueueFullError())
  return new Promise((resolve) => waiting.push(resolve))
}

// the slot passes straight to the next waiter, so a newcomer can never take it in between
function release(): void {
  const next = waiting.shift()
  if (next) next()
  else running--
}

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  await acquire()
  try {
    return await work()
  } finally {
    release()
  }
}

/** Hashes a password (Better Auth's scrypt format), at most MAX_CONCURRENT_HASHES at a time. */
export function hashPassword(password: string): Promise<string> {
  return withHashSlot(() => scryptHash(password))
}

/** Checks a password against a hash made by hashPassword, under the same limit. */
export function verifyPassword(data: { hash: string; password: string }): Promise<boolean> {
  return withHashSlot(() => scryptVerify(data))
}
