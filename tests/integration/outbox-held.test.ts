import { describe, expect, it } from 'vitest'
import { getPrisma } from '@/lib/server/db'
import { retryHeldMessages } from '@/lib/delivery/server/health/retry-held'
import { createDeliveryWorker } from '@/lib/delivery/server/worker/worker'
import { forgetTransport, orgTransportKey } from '@/lib/mail/server/transport-cache'
import { startSmtpServer } from '../support/smtp-server'
import { createOrg, enqueueMany, outboxOf, pointOrgAt } from '../support/outbox-fixtures'
import { waitUntil } from '../support/wait-until'
import { outboxHarness } from '../support/outbox-harness'

// Defect 4 of issue 12: a failure of the organization's provider (sign-in, sender, unreachable server) failed every
// queued message. Now the organization's messages are held, and saving new settings retries them at once.

const { workers, servers, orgIds } = outboxHarness()

const statuses = async (orgId: string) => (await outboxOf(orgId)).map((row) => row.status)

describe('an organization whose provider fails', () => {
  it('holds its messages on a 535, and delivers them within seconds of new settings', async () => {
    const prisma = await getPrisma()
    const server = await startSmtpServer('starttls-auth')
    servers.push(server)
    const { id } = await createOrg()
    orgIds.push(id)
    await pointOrgAt(id, server.port, { password: 'wrong password' })
    const recipients = await enqueueMany(id, 5)
    workers.push(createDeliveryWorker(getPrisma))

    await waitUntil(async () => (await statuses(id)).every((status) => status === 'held'))
    const held = await outboxOf(id)
    expect(held.every((row) => /Authentication failed/.test(row.lastError ?? '') && row.html !== '')).toBe(true)
    const health = await prisma.deliveryHealth.findUniqueOrThrow({ where: { orgId: id } })
    expect(health.failingSince).not.toBeNull()
    expect(health.failureCause).toMatch(/Authentication failed/)
    expect(health.failureHint).toBeTruthy()

    // a long hold (an hour of backoff), so that only the new settings can bring the messages out of it in time
    const inAnHour = new Date(Date.now() + 3_600_000)
    const holdForAnHour = async () => {
      await prisma.deliveryHealth.update({ where: { orgId: id }, data: { heldUntil: inAnHour } })
      await prisma.outboxMessage.updateMany({ where: { orgId: id, status: 'held' }, data: { nextAttemptAt: inAnHour } })
    }
    await holdForAnHour()
    // a probe the worker had already claimed comes back held (with a shorter backoff): hold it for the hour too
    await waitUntil(async () => (await statuses(id)).every((status) => status === 'held'))
    await holdForAnHour()

    await pointOrgAt(id, server.port) // Update with the right password: what the action does after saving
    forgetTransport(orgTransportKey(id))
    expect(await retryHeldMessages(id)).toBe(5)
    const updatedAt = Date.now()
    await waitUntil(async () => (await statuses(id)).every((status) => status === 'sent'), 5_000)
    expect(Date.now() - updatedAt).toBeLessThan(5_000)
    expect(server.received.map((mail) => mail.rcptTo[0]).sort()).toEqual([...recipients].sort())
    const recovered = await prisma.deliveryHealth.findUniqueOrThrow({ where: { orgId: id } })
    expect([recovered.failingSince, recovered.failureCause, recovered.heldUntil]).toEqual([null, null, null])
    expect(recovered.lastDeliveredAt).not.toBeNull()
  })

  it('holds on a rejected sender (MAIL FROM) but fails only the one message a recipient rejects', async () => {
    const sender = await startSmtpServer('reject-sender')
    const recipient = await startSmtpServer('reject-recipient')
    servers.push(sender, recipient)
    const a = await createOrg(sender.port)
    const b = await createOrg(recipient.port)
    orgIds.push(a.id, b.id)
    await enqueueMany(a.id, 3)
    await enqueueMany(b.id, 1)
    workers.push(createDeliveryWorker(getPrisma))
    await waitUntil(async () => (await statuses(a.id)).every((status) => status === 'held') && (await statuses(b.id))[0] === 'failed')
    const prisma = await getPrisma()
    expect((await prisma.deliveryHealth.findUnique({ where: { orgId: b.id } }))?.failingSince ?? null).toBeNull()
  })
})
