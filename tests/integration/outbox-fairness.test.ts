import { describe, expect, it } from 'vitest'
import { getPrisma } from '@/lib/server/db'
import { retryHeldMessages } from '@/lib/delivery/server/health/retry-held'
import { createDeliveryWorker } from '@/lib/delivery/server/worker/worker'
import { forgetTransport, orgTransportKey } from '@/lib/mail/server/transport-cache'
import { startSmtpServer, TEST_USER } from '../support/smtp-server'
import { createOrg, enqueueMany, outboxOf, pointOrgAt } from '../support/outbox-fixtures'
import { waitUntil } from '../support/wait-until'
import { outboxHarness } from '../support/outbox-harness'

// Defect 5 of issue 12: one organization's flood to a slow server filled every batch, so another organization's
// message waited behind it; a batch kept the settings it started with, even after they were reverted.

const { workers, servers, orgIds } = outboxHarness()

describe('fair claims', () => {
  it("deliver another organization's message at once while one organization floods a slow server", async () => {
    const slow = await startSmtpServer('starttls-auth', TEST_USER, 0, 2_000) // 2 s per message
    const fast = await startSmtpServer('starttls-auth')
    servers.push(slow, fast)
    const x = await createOrg(slow.port)
    const y = await createOrg(fast.port)
    orgIds.push(x.id, y.id)
    await enqueueMany(x.id, 300, 'flood')
    workers.push(createDeliveryWorker(getPrisma))
    await slow.waitForMessages(1)

    const prisma = await getPrisma()
    const inFlight = await prisma.outboxMessage.count({ where: { orgId: x.id, status: 'sending' } })
    expect(inFlight).toBeLessThanOrEqual(50) // the per-organization cap of one instance

    await enqueueMany(y.id, 1, 'single')
    const queuedAt = Date.now()
    await fast.waitForMessages(1, 5_000)
    expect(Date.now() - queuedAt).toBeLessThan(2_000)
  })

  it('stop using the old settings as soon as new ones are saved', async () => {
    const before = await startSmtpServer('starttls-auth', TEST_USER, 0, 100)
    const after = await startSmtpServer('starttls-auth')
    servers.push(before, after)
    const { id } = await createOrg(before.port)
    orgIds.push(id)
    await enqueueMany(id, 100)
    workers.push(createDeliveryWorker(getPrisma))
    await before.waitForMessages(5)

    await pointOrgAt(id, after.port) // what the Update action does: save, forget the pool, retry held messages
    forgetTransport(orgTransportKey(id))
    await retryHeldMessages(id)
    const sentToOldAtChange = before.received.length

    await waitUntil(async () => (await outboxOf(id)).every((row) => row.status === 'sent'), 20_000)
    // only the sends already in progress finish on the old server
    expect(before.received.length - sentToOldAtChange).toBeLessThanOrEqual(10)
    expect(before.received.length + after.received.length).toBe(100)
  })
})
