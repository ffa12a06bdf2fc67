import 'server-only'
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { env } from '@/lib/env'
import { getPrisma } from '@/lib/db'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { claimDueMessages, recordOutcome, type TClaimedMessage } from './claim'
import { deliverMessage } from './deliver'
import { sendingProviderFor, type TSendingProvider } from './sending-provider'

const BATCH_SIZE = 50

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
  let wakeUp: (() => void) | undefined
  let isWoken = false

  const idle = () =>
    new Promise<void>((resolve) => {
      if (isWoken) return resolve()
      const timer = setTimeout(resolve, env.OUTBOX_POLL_MS)
      wakeUp = () => {
        clearTimeout(timer)
        resolve()
      }
    }).finally(() => {
      wakeUp = undefined
      isWoken = false
    })

  const loop = (async () => {
    while (!isStopping) {
      let claimed = 0
      try {
        claimed = await runBatch(await prismaOf(), id)
      } catch (error) {
        console.error('[outbox] delivery batch failed', error instanceof Error ? error.message : error)
      }
      if (claimed < BATCH_SIZE && !isStopping) await idle()
    }
  })()

  return {
    id,
    wake() {
      isWoken = true
      wakeUp?.()
    },
    async stop() {
      isStopping = true
      wakeUp?.()
      await loop
    },
  }
}

/** Claims one batch and delivers it, looking each organization's provider up once per batch. */
async function runBatch(prisma: PrismaClient, workerId: string): Promise<number> {
  const messages = await claimDueMessages(prisma, workerId, BATCH_SIZE, env.OUTBOX_LEASE_MS)
  if (messages.length === 0) return 0
  const providers = new Map<string, Promise<TSendingProvider>>()
  const providerOf = (message: TClaimedMessage) => {
    if (!providers.has(message.orgId)) providers.set(message.orgId, sendingProviderFor(message.orgId))
    return providers.get(message.orgId)!
  }
  await Promise.all(
    messages.map(async (message) => {
      const outcome = await deliverMessage(message, () => providerOf(message))
      await recordOutcome(prisma, workerId, message.id, outcome)
    }),
  )
  return messages.length
}
