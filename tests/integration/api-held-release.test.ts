// Issue 23: a fix made through the Management API releases the messages the failing settings held, as the console's
// Update does. Both entry points call the same use case; this test holds the API to it.
import { describe, expect, it } from 'vitest'
import { getPrisma } from '@/lib/server/db'
import { createDeliveryWorker } from '@/lib/delivery/server/worker/worker'
import { isPlatformEmail } from '@/lib/delivery/server/outbox/platform-emails'
import { deleteEmailProvider, putEmailProvider } from '@/lib/management-api/server/email-provider'
import { startSmtpServer, TEST_USER } from '../support/smtp-server'
import { enqueueMany, outboxOf, pointOrgAt } from '../support/outbox-fixtures'
import { call, newApiKey, newOrgWithOwner } from '../support/api-fixtures'
import { outboxHarness } from '../support/outbox-harness'
import { waitUntil } from '../support/wait-until'

const { workers, servers, orgIds } = outboxHarness()
// the organization's users' emails: the owners' notices of the change go through the platform default on their own
const statuses = async (orgId: string) => (await outboxOf(orgId)).filter((row) => !isPlatformEmail(row.kind)).map((row) => row.status)

/** A hold of an hour, on the organization and its messages: only new settings can bring them out within the test. */
async function holdForAnHour(orgId: string) {
  const prisma = await getPrisma()
  const inAnHour = new Date(Date.now() + 3_600_000)
  await prisma.deliveryHealth.update({ where: { orgId }, data: { heldUntil: inAnHour } })
  await prisma.outboxMessage.updateMany({ where: { orgId, status: 'held' }, data: { nextAttemptAt: inAnHour } })
}

/** An organization whose saved password is wrong, with `count` messages held by it for an hour. */
async function orgHeldByWrongPassword(count: number) {
  const server = await startSmtpServer('starttls-auth')
  servers.push(server)
  const { admin, org } = await newOrgWithOwner()
  orgIds.push(org.id)
  await pointOrgAt(org.id, server.port, { password: 'wrong password' })
  const recipients = await enqueueMany(org.id, count)
  workers.push(createDeliveryWorker(getPrisma))
  await waitUntil(async () => (await statuses(org.id)).every((status) => status === 'held'))
  await holdForAnHour(org.id)
  // a probe the worker had already claimed comes back held with a shorter backoff: hold it for the hour too
  await waitUntil(async () => (await statuses(org.id)).every((status) => status === 'held'))
  await holdForAnHour(org.id)
  const writer = await newApiKey(org.id, admin, 'read_write', 'terraform')
  return { org, server, recipients, writer: writer.key }
}

describe('messages held by a failing provider', () => {
  it('go at once after PUT /api/v1/email-provider fixes the password', async () => {
    const { org, server, recipients, writer } = await orgHeldByWrongPassword(3)
    const { emailProviderVersion } = await (await getPrisma()).organization.findUniqueOrThrow({ where: { id: org.id } })
    const body = {
      preset: 'custom',
      host: 'localhost',
      port: server.port,
      security: 'auto',
      authKind: 'password',
      username: TEST_USER.username,
      password: TEST_USER.password,
      fromAddress: 'no-reply@outbox.test',
      version: emailProviderVersion,
    }
    expect((await call(putEmailProvider, 'PUT', '/api/v1/email-provider', { key: writer, body })).status).toBe(200)
    await waitUntil(async () => (await statuses(org.id)).every((status) => status === 'sent'), 10_000)
    expect(server.received.map((mail) => mail.rcptTo[0]).sort()).toEqual([...recipients].sort())
  })

  it('leave the hold after DELETE /api/v1/email-provider (Revert): the default provider takes them', async () => {
    const { org, writer } = await orgHeldByWrongPassword(2)
    expect((await call(deleteEmailProvider, 'DELETE', '/api/v1/email-provider', { key: writer, body: { confirm: true } })).status).toBe(200)
    const prisma = await getPrisma()
    const health = await prisma.deliveryHealth.findUniqueOrThrow({ where: { orgId: org.id } })
    expect(health.heldUntil).toBeNull()
    await waitUntil(async () => (await statuses(org.id)).every((status) => status !== 'held'), 10_000)
  })
})
