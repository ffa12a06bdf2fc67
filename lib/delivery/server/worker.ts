import 'server-only'
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { env } from '@/lib/env'
import { getPrisma } from '@/lib/server/db'
import type { PrismaClient } from '@/lib/server/db/prisma'
import { claimDueMessages, recordOutcomes, type TClaimedMessage } from './claim'
import { deliverMessage } from './deliver'
import { isPlatformEmail, platformProvider, sendingProviderFor, type TSendingProvider } from './sending-provider'

const BATCH_SIZE = 50
// Batches in flight per worker: while one waits for the slowest message of its batch (and records the outcomes),
// the others are claimed and sending, so the SMTP pool never runs dry between batches.
const LANES = 3

export type TWorker = { id: string; stop(): Promise<void>; wake(): void }

const holder = globalThis as typeof globalThis & { __deliveryWorker?: TWorker }

/** Starts this process's delivery worker (once); it drains due outbox messages until stopped. */
export function startDeliveryWorker(): TWorker {
  holder.__deliveryWorker ??= createDeliveryWorker(getPrisma)
  return holder.__deliveryWorker
}

/** Wakes this process's worker now (after enqueueing), instead of at its next poll. */
export function wakeDeliveryWorker() {
  holder.__deliveryWorker?.wake()
}

/** A worker claiming through its own database client (one per app instance; tests run several side by side). */
export function createDeliveryWorker(prismaOf: () => Promise<PrismaClient>): TWorker {
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  let isStopping = false
  let isWoken = false
  const sleepers = new Set<() => void>()

  const idle = () =>
    new Promise<void>((resolve) => {
      if (isWoken) return resolve()
      const timer = setTimeout(done, env.OUTBOX_POLL_MS)
      function done() {
        clearTimeout(timer)
        sleepers.delete(done)
        resolve()
      }
      sleepers.add(done)
    }).finally(() => {
      isWoken = false
    })
  const wakeAll = () => {
    for (const wake of [...sleepers]) wake()
  }

  const lane = async () => {
    while (!isStopping) {
      let claimed = 0
      try {
        claimed = await runBatch(await prismaOf(), id)
      } catch (error) {
        console.error('[outbox] delivery batch failed', error instanceof Error ? error.message : error)
      }
      if (claimed < BATCH_SIZE && !isStopping) await idle()
    }
  }
  const lanes = Promise.all(Array.from({ length: LANES }, lane))

  return {
    id,
    wake() {
      isWoken = true
      wakeAll()
    },
    async stop() {
      isStopping = true
      wakeAll()
      await lanes
    },
  }
}

/** Claims one batch and delivers it, looking each organization's provider up once per batch. */
async function runBatch(prisma: PrismaClient, workerId: string): Promise<number> {
  const messages = await claimDueMessages(prisma, workerId, BATCH_SIZE, env.OUTBOX_LEASE_MS)
  if (messages.length === 0) return 0
  const providers = new Map<string, Promise<TSendingProvider>>()
  const providerOf = (message: TClaimedMessage) => {
    const key = isPlatformEmail(message.kind) ? '' : message.orgId
    if (!providers.has(key)) providers.set(key, key === '' ? Promise.resolve(platformProvider()) : sendingProviderFor(message.orgId))
    return providers.get(key)!
  }
  const results = await Promise.all(messages.map(async (message) => ({ id: message.id, outcome: await deliverMessage(message, () => providerOf(message)) })))
  await recordOutcomes(prisma, workerId, results)
  return messages.length
}
