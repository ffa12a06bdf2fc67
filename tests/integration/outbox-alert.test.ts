import { describe, expect, it } from 'vitest'
import { env } from '@/lib/env'
import { getPrisma } from '@/lib/server/db'
import { createDeliveryWorker } from '@/lib/delivery/server/worker/worker'
import { refusedPort, startSmtpServer } from '../support/smtp-server'
import { createAdmin, setMembership } from '../support/data-fixtures'
import { createOrg, enqueueMany, outboxOf } from '../support/outbox-fixtures'
import { waitUntil } from '../support/wait-until'
import { outboxHarness } from '../support/outbox-harness'

// When an organization's provider has been failing for OUTBOX_ALERT_AFTER_MS, its owners and admins get one email
// through the default provider (captured here: the tests run without DEFAULT_SMTP_URL), and the audit trail records
// the start and the end of the incident.

const { workers, servers, orgIds } = outboxHarness()

describe('a failing provider', () => {
  it('alerts every owner and admin once per incident, and audits its start and end', async () => {
    const prisma = await getPrisma()
    const port = await refusedPort()
    const org = await createOrg(port) // nothing listens there: connection refused
    orgIds.push(org.id)
    const [owner, admin, member] = await Promise.all(['owner', 'admin', 'member'].map((label) => createAdmin(prisma, label)))
    await setMembership(prisma, org.id, owner!.id, 'owner')
    await setMembership(prisma, org.id, admin!.id, 'admin')
    await setMembership(prisma, org.id, member!.id, 'viewer')
    await enqueueMany(org.id, 3)
    workers.push(createDeliveryWorker(getPrisma))

    const alerts = async () => (await outboxOf(org.id)).filter((row) => row.kind === 'alert')
    await waitUntil(async () => (await alerts()).length > 0, env.OUTBOX_ALERT_AFTER_MS + 10_000)
    const health = await prisma.deliveryHealth.findUniqueOrThrow({ where: { orgId: org.id } })
    // several more failed rounds (the hold doubles from 100 ms) bring no second alert
    await waitUntil(async () => (await prisma.deliveryHealth.findUniqueOrThrow({ where: { orgId: org.id } })).failedRounds >= health.failedRounds + 2)
    const sent = await alerts()
    expect(sent.map((row) => row.toAddress).sort()).toEqual([owner!.email, admin!.email].sort())
    expect(sent[0]!.subject).toBe(`Email delivery is failing for ${org.name}`)
    expect(sent[0]!.text).toContain('Connection refused')
    expect(sent[0]!.text).toContain('3 messages are waiting')
    expect(sent[0]!.text).toContain(`${env.APP_URL}/orgs/${org.slug}/settings/email-provider`)
    expect(sent[0]!.status).toBe('captured')

    const server = await startSmtpServer('starttls-auth', undefined, port)
    servers.push(server)
    await waitUntil(async () => (await outboxOf(org.id)).filter((row) => row.kind === 'verify').every((row) => row.status === 'sent'), 20_000)
    await waitUntil(async () => (await prisma.auditEntry.count({ where: { orgId: org.id, action: 'delivery_recovered' } })) === 1)
    const audit = await prisma.auditEntry.findMany({ where: { orgId: org.id }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true } })
    expect(audit.filter((entry) => entry.action.startsWith('delivery'))).toEqual([
      { action: 'delivery_failing', actorId: null },
      { action: 'delivery_recovered', actorId: null },
    ])
    expect((await prisma.deliveryHealth.findUniqueOrThrow({ where: { orgId: org.id } })).alertedAt).toBeNull()
  }, 60_000)
})
