import { afterEach, describe, expect, it } from 'vitest'
import { env } from '@/lib/env'
import { getPrisma } from '@/lib/server/db'
import { enqueueEmail } from '@/lib/delivery/server/outbox/outbox'
import { createDeliveryWorker } from '@/lib/delivery/server/worker/worker'
import { refusedPort, startSmtpServer } from '../support/smtp-server'
import { createOrg, enqueueMany, outboxOf } from '../support/outbox-fixtures'
import { waitUntil } from '../support/wait-until'
import { outboxHarness } from '../support/outbox-harness'

// The platform's own emails (invitations, alerts, console admins' verification) go through the platform default,
// never through the organization's server: the organization's hold does not stop them, and a failure of the
// platform default is not the organization's failure.

const { workers, servers, orgIds } = outboxHarness()
const defaultSmtpUrl = env.DEFAULT_SMTP_URL
afterEach(() => {
  env.DEFAULT_SMTP_URL = defaultSmtpUrl
})

async function enqueuePlatformEmail(orgId: string, to: string) {
  const prisma = await getPrisma()
  await prisma.$transaction((tx) => enqueueEmail(tx, { orgId, kind: 'invitation', to, subject: 'Join us', html: '<p>Join</p>', text: 'Join' }))
}

describe('platform emails of an organization', () => {
  it('go out at once while the organization is held for an hour', async () => {
    const prisma = await getPrisma()
    const org = await createOrg(await refusedPort())
    orgIds.push(org.id)
    const inAnHour = new Date(Date.now() + 3_600_000)
    await prisma.deliveryHealth.create({
      data: { orgId: org.id, failingSince: new Date(), failureCause: 'Connection refused', failedRounds: 5, heldUntil: inAnHour },
    })
    await enqueuePlatformEmail(org.id, 'invitee@users.test')
    workers.push(createDeliveryWorker(getPrisma))
    // captured: the tests run without DEFAULT_SMTP_URL
    await waitUntil(async () => (await outboxOf(org.id)).every((row) => row.status === 'captured'), 5_000)
  })

  it('wait on their own when the platform default fails, without holding the organization or marking it failing', async () => {
    const server = await startSmtpServer('starttls-auth')
    servers.push(server)
    env.DEFAULT_SMTP_URL = `smtp://platform:secret@127.0.0.1:${await refusedPort()}`
    const org = await createOrg(server.port)
    orgIds.push(org.id)
    await enqueuePlatformEmail(org.id, 'invitee@users.test')
    workers.push(createDeliveryWorker(getPrisma))
    await waitUntil(async () => (await outboxOf(org.id))[0]!.status === 'retrying')
    await enqueueMany(org.id, 2)
    await waitUntil(async () => (await outboxOf(org.id)).filter((row) => row.kind === 'verify').every((row) => row.status === 'sent'))
    const health = await (await getPrisma()).deliveryHealth.findUnique({ where: { orgId: org.id } })
    expect(health?.failingSince ?? null).toBeNull()
    expect(health?.heldUntil ?? null).toBeNull()
    // retried on its own schedule (it may be on its next attempt right now), never held
    const invitation = (await outboxOf(org.id))[0]!
    expect(invitation.kind).toBe('invitation')
    expect(['retrying', 'sending']).toContain(invitation.status)
  })
})
