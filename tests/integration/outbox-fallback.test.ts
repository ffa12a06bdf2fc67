import { describe, expect, it } from 'vitest'
import { env } from '@/lib/env'
import { getPrisma } from '@/lib/server/db'
import { FALLBACK_LABEL } from '@/lib/delivery/server/worker/sending-provider'
import { createDeliveryWorker } from '@/lib/delivery/server/worker/worker'
import { refusedPort } from '../support/smtp-server'
import { createOrg, enqueueMany, outboxOf, pointOrgAt } from '../support/outbox-fixtures'
import { waitUntil } from '../support/wait-until'
import { outboxHarness } from '../support/outbox-harness'

// The opt-in fallback: a message the organization's server could not send for OUTBOX_FALLBACK_AFTER_MS goes through
// the platform's default provider (captured here: the tests run without DEFAULT_SMTP_URL). Off, messages wait.

const { workers, orgIds } = outboxHarness()

describe('the fallback to the default provider', () => {
  it('takes over messages the failing server held too long, only when the organization opted in', async () => {
    const port = await refusedPort()
    const optedIn = await createOrg()
    const optedOut = await createOrg()
    orgIds.push(optedIn.id, optedOut.id)
    await pointOrgAt(optedIn.id, port, { useDefaultOnFailure: true })
    await pointOrgAt(optedOut.id, port)
    // the fallback counts from each message's createdAt, so the clock starts before the first one is written
    const queuedAt = Date.now()
    await enqueueMany(optedIn.id, 3)
    await enqueueMany(optedOut.id, 3)
    workers.push(createDeliveryWorker(getPrisma))

    await waitUntil(async () => (await outboxOf(optedIn.id)).every((row) => row.status === 'captured'), env.OUTBOX_FALLBACK_AFTER_MS + 10_000)
    expect(Date.now() - queuedAt).toBeGreaterThanOrEqual(env.OUTBOX_FALLBACK_AFTER_MS)
    expect((await outboxOf(optedIn.id)).map((row) => row.provider)).toEqual(Array(3).fill(FALLBACK_LABEL))
    // opted out: the messages keep waiting for the organization's server (one of them may be probing it right now)
    expect((await outboxOf(optedOut.id)).filter((row) => !['held', 'sending'].includes(row.status))).toEqual([])
    // the organization's own server is still failing: the health line says so
    const prisma = await getPrisma()
    expect((await prisma.deliveryHealth.findUniqueOrThrow({ where: { orgId: optedIn.id } })).failingSince).not.toBeNull()
  }, 30_000)
})
