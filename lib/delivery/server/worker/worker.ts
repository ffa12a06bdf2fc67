import 'server-only'
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { env } from '@/lib/env'
import { POOL_CONNECTIONS } from '@/lib/mail/server/transport'
import { getPrisma } from '@/lib/server/db'
import type { PrismaClient } from '@/lib/server/db/prisma'
import { claimDueMessages, releaseMessages, type TClaimedMessage } from '../outbox/claim'
import { attemptDelivery, retryOrGiveUp, type TAttempt } from './deliver'
import { noteIncidentEnded, noteOrgFailure } from '../health/incident'
import { holdOrganization, markOrgDelivered } from '../health/org-health'
import type { TDeliveryOutcome } from './outcome'
import { createOutcomeWriter } from './outcome-writer'
import { onProviderChange } from './provider-changes'
import { purgeExpired } from '../outbox/retention'
import { isPastRetryWindow } from './retry-policy'
import { isPlatformEmail } from '../outbox/platform-emails'
import { defaultProvider, FALLBACK_LABEL, fallbackProvider, sendingProviderFor, type TSendingProvider } from './sending-provider'
import { getMetrics } from '@/lib/server/metrics'
import { getLogger } from '@/lib/server/logger'

// Messages this instance holds at once (claimed, waiting or sending), in all and per organization: one organization's
// flood fills at most PER_ORG_LIMIT of CAPACITY, so every other organization's message is claimed at the next round.
const CAPACITY = 150
const PER_ORG_LIMIT = 50
// Sends in progress per organization: one per pooled connection. None waits in the pool's own queue, where the
// deadline would run before the send even started (and cut it off after the server took the message).
const SENDS_PER_ORG = POOL_CONNECTIONS
// A claim round runs when this much room is free (or on wake-up / poll)
const CLAIM_MIN = 25
// A working provider's "last delivered" is written at most this often per organization and instance
const HEALTH_WRITE_MS = 60_000
// Expired rows are purged a minute after start, then hourly
const PURGE_FIRST_MS = 60_000
const PURGE_EVERY_MS = 60 * 60_000

export type TWorker = { id: string; stop(): Promise<void>; wake(): void }

/** True when the organization opted in to the fallback and the message has waited long enough for it. */
function isFallbackDue(message: TClaimedMessage, provider: TSendingProvider | null, now = Date.now()): boolean {
  return provider?.kind === 'custom' && provider.useDefaultOnFailure === true && now - message.createdAt.getTime() >= env.OUTBOX_FALLBACK_AFTER_MS
}

type TOrgState = { waiting: TClaimedMessage[]; sending: number; held: number; heldUntil: number; mayHaveMore: boolean }

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

/**
 * A worker claiming through its own database client (one per app instance; tests run several side by side). Each
 * message is sent as soon as its organization has a free send, and its outcome recorded as soon as it finishes.
 * stop() claims nothing more, gives back what waits unsent, and lets sends in progress finish (each within the deadline).
 */
export function createDeliveryWorker(prismaOf: () => Promise<PrismaClient>): TWorker {
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  const orgs = new Map<string, TOrgState>()
  const providers = new Map<string, { version: number; provider: Promise<TSendingProvider> }>()
  const healthWrittenAt = new Map<string, number>()
  const writer = createOutcomeWriter(prismaOf)
  const sends = new Set<Promise<void>>()
  let held = 0
  let cursor = ''
  // the last claim filled all the room it had: more may be due
  let isBacklogged = false
  let isStopping = false
  let wakeUp: (() => void) | null = null
  let isWoken = false

  const wake = () => {
    isWoken = true
    wakeUp?.()
  }
  const idle = () =>
    new Promise<void>((resolve) => {
      if (isWoken) return resolve()
      const timer = setTimeout(done, env.OUTBOX_POLL_MS)
      function done() {
        clearTimeout(timer)
        wakeUp = null
        resolve()
      }
      wakeUp = done
    }).finally(() => {
      isWoken = false
    })

  const purge = () =>
    prismaOf()
      .then((prisma) => purgeExpired(prisma))
      .catch((error) => getLogger().error({ error: error instanceof Error ? error.message : String(error) }, '[outbox] purging expired rows failed'))
  let purgeTimer = setTimeout(function purgeNow() {
    void purge().then(() => {
      if (!isStopping) purgeTimer = setTimeout(purgeNow, PURGE_EVERY_MS).unref()
    })
  }, PURGE_FIRST_MS).unref()

  const stopListening = onProviderChange((orgId) => {
    providers.delete(orgId)
    const org = orgs.get(orgId)
    if (org) org.heldUntil = 0
    wake()
  })

  const stateOf = (orgId: string) => {
    let org = orgs.get(orgId)
    if (!org) orgs.set(orgId, (org = { waiting: [], sending: 0, held: 0, heldUntil: 0, mayHaveMore: false }))
    return org
  }

  const providerFor = (message: TClaimedMessage) => {
    // invitations and alerts are the platform's own emails: never through the organization's server
    if (isPlatformEmail(message.kind)) return Promise.resolve(defaultProvider())
    const cached = providers.get(message.orgId)
    if (cached && cached.version >= message.providerVersion) return cached.provider
    const provider = sendingProviderFor(message.orgId)
    // a failed lookup is not kept: the next message reads the settings again
    provider.catch(() => providers.get(message.orgId)?.provider === provider && providers.delete(message.orgId))
    providers.set(message.orgId, { version: message.providerVersion, provider })
    return provider
  }

  const release = (messages: TClaimedMessage[]) => {
    if (messages.length === 0) return Promise.resolve()
    return prismaOf()
      .then((prisma) => releaseMessages(prisma, messages))
      .catch((error) => getLogger().error({ error: error instanceof Error ? error.message : String(error) }, '[outbox] releasing messages failed'))
      .finally(() => settle(messages))
  }

  const settle = (messages: TClaimedMessage[]) => {
    for (const message of messages) {
      const org = orgs.get(message.orgId)
      if (!org) continue
      org.held--
      held--
      if (org.held === 0 && org.sending === 0) {
        orgs.delete(message.orgId)
        providers.delete(message.orgId)
      }
    }
  }

  const pump = (orgId: string) => {
    const org = orgs.get(orgId)
    if (!org) return
    if (isStopping) {
      void release(org.waiting.splice(0))
      return
    }
    if (org.heldUntil > Date.now()) {
      // claimed before the failure was known: back to wait with the organization. Claimed knowing it (the probe, or
      // old enough for the opt-in fallback) or the platform's own: they go on.
      const goesOn = (message: TClaimedMessage) => message.isOrgFailing || isPlatformEmail(message.kind)
      void release(org.waiting.filter((message) => !goesOn(message)))
      org.waiting = org.waiting.filter(goesOn)
    }
    while (org.sending < SENDS_PER_ORG && org.waiting.length > 0) {
      const message = org.waiting.shift()!
      org.sending++
      const send = deliver(message).finally(() => {
        sends.delete(send)
        org.sending--
        settle([message])
        pump(orgId)
        if ((org.mayHaveMore && org.held <= PER_ORG_LIMIT / 2) || (isBacklogged && CAPACITY - held >= CLAIM_MIN)) wake()
      })
      sends.add(send)
    }
  }

  const deliver = async (message: TClaimedMessage) => {
    // while the organization's server fails, a message old enough skips it for the default provider (opt-in)
    const provider = await providerFor(message).catch(() => null)
    const skipsToFallback = message.isOrgFailing && isFallbackDue(message, provider)
    const outcome = skipsToFallback
      ? await viaFallback(message)
      : await outcomeOf(message, await attemptDelivery(message, () => providerFor(message)), provider)
    writer.add({ id: message.id, claimToken: message.claimToken, outcome })
    countDelivery(message, outcome)
  }

  const outcomeOf = async (message: TClaimedMessage, attempt: TAttempt, provider: TSendingProvider | null): Promise<TDeliveryOutcome> => {
    // the platform default's failures are the platform's, and its successes say nothing about the organization's server
    if (isPlatformEmail(message.kind)) {
      return attempt.status === 'retrying' || attempt.status === 'org-failure' ? retryOrGiveUp(message, attempt.provider, attempt.error) : attempt
    }
    if (attempt.status === 'org-failure') {
      const held = await holdFor(message, attempt, provider)
      if (held.status !== 'held' || !isFallbackDue(message, provider)) return held
      const fallback = await viaFallback(message)
      return fallback.status === 'retrying' ? held : fallback
    }
    if (attempt.status === 'retrying') return retryOrGiveUp(message, attempt.provider, attempt.error, Date.now(), attempt.retryAfterMs)
    if (attempt.status !== 'failed') noteDelivered(message)
    return attempt
  }

  // the default provider in place of the organization's failing server: its success says nothing about that server
  const viaFallback = async (message: TClaimedMessage): Promise<TDeliveryOutcome> => {
    const attempt = await attemptDelivery(message, () => Promise.resolve(fallbackProvider()))
    if (attempt.status === 'retrying' || attempt.status === 'org-failure') return retryOrGiveUp(message, attempt.provider, attempt.error)
    return attempt
  }

  // the organization's provider failed, not this recipient: the message waits with the organization's others
  const holdFor = async (
    message: TClaimedMessage,
    attempt: Extract<TAttempt, { status: 'org-failure' }>,
    provider: TSendingProvider | null,
  ): Promise<TDeliveryOutcome> => {
    const org = stateOf(message.orgId)
    try {
      const hold = await holdOrganization(await prismaOf(), message.orgId, attempt.failure)
      org.heldUntil = hold.heldUntil.getTime()
      void noteOrgFailure(prismaOf, message.orgId, hold, attempt.failure)
      if (isPastRetryWindow(message.createdAt)) return { status: 'failed', provider: attempt.provider, error: `Gave up after 24 hours: ${attempt.error}` }
      // with the fallback on, the message comes back no later than when it is due for the default provider
      const fallbackAt = provider?.kind === 'custom' && provider.useDefaultOnFailure ? message.createdAt.getTime() + env.OUTBOX_FALLBACK_AFTER_MS : Infinity
      const nextAttemptAt = new Date(Math.max(Date.now(), Math.min(hold.heldUntil.getTime(), fallbackAt)))
      return { status: 'held', provider: attempt.provider, error: attempt.error, nextAttemptAt }
    } catch (error) {
      getLogger().error({ error: error instanceof Error ? error.message : String(error) }, '[outbox] holding the organization failed')
      return retryOrGiveUp(message, attempt.provider, attempt.error)
    }
  }

  const noteDelivered = (message: TClaimedMessage) => {
    const writtenAt = healthWrittenAt.get(message.orgId)
    if (!message.isOrgFailing && writtenAt !== undefined && Date.now() - writtenAt < HEALTH_WRITE_MS) return
    healthWrittenAt.set(message.orgId, Date.now())
    if (message.isOrgFailing) {
      // the probe went through: the organization's other messages may follow at once
      stateOf(message.orgId).mayHaveMore = true
      wake()
    }
    void prismaOf()
      .then(async (prisma) => {
        const { endedIncident, failingSince } = await markOrgDelivered(prisma, message.orgId)
        if (endedIncident) await noteIncidentEnded(prisma, message.orgId, failingSince)
      })
      .catch((error) => getLogger().error({ error: error instanceof Error ? error.message : String(error) }, '[outbox] recording provider health failed'))
  }

  const claimRound = async () => {
    const busy = new Map([...orgs].map(([orgId, org]) => [orgId, org.held]))
    const limit = CAPACITY - held
    const messages = await claimDueMessages(await prismaOf(), {
      workerId: id,
      limit,
      perOrgLimit: PER_ORG_LIMIT,
      busy,
      leaseMs: env.OUTBOX_LEASE_MS,
      afterOrgId: cursor,
    })
    isBacklogged = messages.length === limit
    for (const org of orgs.values()) org.mayHaveMore = false
    for (const message of messages) {
      const org = stateOf(message.orgId)
      org.waiting.push(message)
      org.held++
      held++
      cursor = message.orgId
    }
    for (const [orgId, org] of orgs) {
      if (org.held >= PER_ORG_LIMIT) org.mayHaveMore = true
      pump(orgId)
    }
    return messages.length
  }

  const claimLoop = (async () => {
    while (!isStopping) {
      if (held === 0 || CAPACITY - held >= CLAIM_MIN) {
        try {
          await claimRound()
        } catch (error) {
          isBacklogged = false
          getLogger().error({ error: error instanceof Error ? error.message : String(error) }, '[outbox] claiming failed')
        }
      }
      if (!isStopping && !(isBacklogged && CAPACITY - held >= CLAIM_MIN)) await idle()
    }
  })()

  return {
    id,
    wake,
    async stop() {
      isStopping = true
      clearTimeout(purgeTimer)
      stopListening()
      wake()
      await claimLoop
      await Promise.all([...orgs.values()].map((org) => release(org.waiting.splice(0))))
      while (sends.size > 0) await Promise.allSettled([...sends])
      await writer.drain()
    },
  }
}

// Prometheus: the outcome of every attempt, by provider kind, and (once accepted) the time from enqueue to accepted.
function countDelivery(message: TClaimedMessage, outcome: TDeliveryOutcome) {
  const { deliveries, deliveryDuration } = getMetrics()
  const isFallback = outcome.provider === FALLBACK_LABEL
  const kind = outcome.status === 'captured' ? 'capture' : outcome.provider.startsWith('custom') ? 'custom' : 'default'
  const label = outcome.status === 'captured' ? 'sent' : outcome.status === 'retrying' ? 'retried' : outcome.status
  deliveries.inc({ outcome: isFallback && outcome.status === 'sent' ? 'fallback' : label, provider_kind: kind })
  if (outcome.status === 'sent' || outcome.status === 'captured') deliveryDuration.observe((Date.now() - message.createdAt.getTime()) / 1000)
}
