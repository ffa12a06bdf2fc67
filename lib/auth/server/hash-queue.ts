import 'server-only'
import { busyFailure } from '@/lib/auth/messages'
import type { TActionFailure } from '@/lib/forms/action-result'

// scrypt runs in libuv's threadpool (4 threads by default), which also compresses every response (zlib), reads
// files and resolves host names. Unlimited, a burst of sign-ups queues hundreds of ~90 ms hashes ahead of all that
// and every response of the server waits until the whole burst is hashed (bench/README.md, sign-up under load).
// At most two hashes run at once; the others wait here, in JavaScript, and the threadpool keeps two threads free.
// The queue is bounded too: once MAX_WAITING_HASHES wait, requests are refused at once (busy, try again) instead of
// waiting minutes and holding their connections and memory, until the queue has drained to half: a flood cannot grow
// it without limit, and the refusals last long enough for the retries to find room.
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

// One queue per process, on globalThis: proxy.ts is bundled apart from the pages and actions and must see it too.
// `reserved` counts places taken by requests already answered whose hash runs afterwards (after()).
type TQueue = { running: number; waiting: Array<() => void>; reserved: number; isRefusing: boolean }
const holder = globalThis as typeof globalThis & { __hashQueue?: TQueue }
const queue = (holder.__hashQueue ??= { running: 0, waiting: [], reserved: 0, isRefusing: false })

const taken = () => queue.waiting.length + queue.reserved

/** Whether a new hash would be refused right now (checked before answering work that hashes later). */
export function isHashQueueFull(): boolean {
  return queue.isRefusing
}

function acquire(isReserved: boolean): Promise<void> {
  if (queue.running < MAX_CONCURRENT_HASHES) {
    queue.running++
    return Promise.resolve()
  }
  if (queue.isRefusing && !isReserved) return Promise.reject(new HashQueueFullError())
  if (taken() + 1 >= MAX_WAITING_HASHES) queue.isRefusing = true
  return new Promise((resolve) => queue.waiting.push(resolve))
}

function stopRefusingOnceHalfDrained() {
  if (taken() <= MAX_WAITING_HASHES / 2) queue.isRefusing = false
}

// the slot passes straight to the next waiter, so a newcomer can never take it in between
function release(): void {
  const next = queue.waiting.shift()
  stopRefusingOnceHalfDrained()
  if (next) next()
  else queue.running--
}

async function inSlot<T>(work: () => Promise<T>, isReserved: boolean): Promise<T> {
  await acquire(isReserved)
  try {
    return await work()
  } finally {
    release()
  }
}

/** Runs `work` in a hash slot, at most MAX_CONCURRENT_HASHES at a time; refused while the queue is full. */
export function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  return inSlot(work, false)
}

/** A place in the queue taken before answering, for a hash that runs after the answer: it is never refused. */
export type THashReservation = {
  /** Runs `work` in the reserved place (once). */
  run<T>(work: () => Promise<T>): Promise<T>
  /** Gives the place back unused (nothing happens if it was used). */
  cancel(): void
}

/** Takes a place in the queue now, or null when it is full (answer "busy" then). */
export function reserveHashSlot(): THashReservation | null {
  if (queue.isRefusing) return null
  queue.reserved++
  if (taken() >= MAX_WAITING_HASHES) queue.isRefusing = true
  let isSettled = false
  const settle = () => {
    if (isSettled) return false
    isSettled = true
    queue.reserved--
    return true
  }
  return {
    run: (work) => (settle() ? inSlot(work, true) : withHashSlot(work)),
    cancel: () => {
      if (settle()) stopRefusingOnceHalfDrained()
    },
  }
}

/**
 * Runs the hashing part of a Server Action, answering "busy, try again in N seconds" instead of a 500 when the queue
 * is full before it starts or fills up on the way (another request took the last place meanwhile).
 */
export async function unlessHashQueueFull<T>(work: () => Promise<T>): Promise<T | TActionFailure> {
  if (isHashQueueFull()) return busyFailure(HASH_BUSY_RETRY_AFTER_SECONDS)
  try {
    return await work()
  } catch (error) {
    if (error instanceof HashQueueFullError) return busyFailure(HASH_BUSY_RETRY_AFTER_SECONDS)
    throw error
  }
}
