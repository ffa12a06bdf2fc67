import { atSenderDomain } from '@/lib/mail/server/message-id'
import { afterEach, describe, expect, it } from 'vitest'
import { getPrisma } from '@/lib/server/db'
import { openDatabase } from '@/lib/server/db/open'
import { claimDueMessages } from '@/lib/delivery/server/outbox/claim'
import { createDeliveryWorker, type TWorker } from '@/lib/delivery/server/worker/worker'
import { closeAllTransports } from '@/lib/mail/server/transport-cache'
import { startSmtpServer, type TTestSmtpServer } from '../support/smtp-server'
import { createOrg, enqueueMany, outboxOf } from '../support/outbox-fixtures'
import { waitUntil } from '../support/wait-until'

const running: Array<TWorker | TTestSmtpServer> = []
const orgIds: string[] = []

afterEach(async () => {
  const items = running.splice(0)
  for (const item of items) if ('stop' in item) await item.stop()
  closeAllTransports() // before the servers: they wait for pooled connections to go
  for (const item of items) if (!('stop' in item)) await item.close()
  const prisma = await getPrisma()
  await prisma.organization.deleteMany({ where: { id: { in: orgIds.splice(0) } } })
})

async function smtp(kind: Parameters<typeof startSmtpServer>[0] = 'starttls-auth', port = 0) {
  const server = await startSmtpServer(kind, undefined, port)
  running.push(server)
  return server
}

function worker(prismaOf = getPrisma) {
  const started = createDeliveryWorker(prismaOf)
  running.push(started)
  return started
}

async function org(port?: number) {
  const created = await createOrg(port)
  orgIds.push(created.id)
  return created
}

const allHaveStatus = (orgId: string, status: string) => async () => (await outboxOf(orgId)).every((row) => row.status === status)

describe('outbox delivery', () => {
  it("delivers through the organization's current provider, keeping the Message-ID", async () => {
    const server = await smtp()
    const { id } = await org(server.port)
    await enqueueMany(id, 3)
    const queued = await outboxOf(id)
    worker()
    const mails = await server.waitForMessages(3)
    await waitUntil(allHaveStatus(id, 'sent'))
    const rows = await outboxOf(id)
    expect(rows.map((row) => row.provider)).toEqual(Array(3).fill(`custom (localhost:${server.port})`))
    expect(rows.every((row) => row.attempts === 1)).toBe(true)
    // the id queued, at the From Address's domain
    expect(mails.map((mail) => mail.parsed.messageId).sort()).toEqual(queued.map((row) => atSenderDomain(row.messageId, 'no-reply@outbox.test')).sort())
    expect(mails.every((mail) => mail.parsed.messageId?.endsWith('@outbox.test>'))).toBe(true)
    expect(mails[0]!.parsed.from?.value[0]).toEqual({ name: 'Outbox Org', address: 'no-reply@outbox.test' })
    expect(mails[0]!.parsed.replyTo?.value[0]?.address).toBe('help@outbox.test')
    expect(mails.every((mail) => mail.secure && mail.user !== null)).toBe(true)
  })

  it('captures mail when there is neither a custom nor a default provider', async () => {
    const { id } = await org()
    await enqueueMany(id, 2)
    worker()
    await waitUntil(allHaveStatus(id, 'captured'))
    expect((await outboxOf(id)).map((row) => row.provider)).toEqual(Array(2).fill('captured (no default provider configured)'))
  })

  it('holds the messages while the server is down and delivers each exactly once when it is back', async () => {
    const probe = await smtp()
    const port = probe.port
    await probe.close()
    running.splice(running.indexOf(probe), 1)
    const { id } = await org(port)
    const recipients = await enqueueMany(id, 5)
    worker()
    // a refused port is the organization's problem, not the recipients': the messages wait, none fails
    await waitUntil(allHaveStatus(id, 'held'))
    const failing = await outboxOf(id)
    expect(failing.every((row) => row.lastError && row.nextAttemptAt > row.createdAt)).toBe(true)

    const server = await smtp('starttls-auth', port)
    await waitUntil(allHaveStatus(id, 'sent'), 20_000)
    expect(server.received.map((mail) => mail.rcptTo[0]).sort()).toEqual([...recipients].sort())
    expect((await outboxOf(id)).every((row) => row.attempts >= 2 && row.lastError === null)).toBe(true)
  })

  it('marks a permanent rejection as failed with the reason, without retrying', async () => {
    const server = await smtp('reject-recipient')
    const { id } = await org(server.port)
    await enqueueMany(id, 1)
    worker()
    await waitUntil(allHaveStatus(id, 'failed'))
    const [row] = await outboxOf(id)
    expect(row!.attempts).toBe(1)
    expect(row!.lastError).toMatch(/recipient/i)
    expect(row!.lastError).toContain('550')
  })

  it('picks up messages whose claimer died once their lease expires, sending each once', async () => {
    const server = await smtp()
    const { id } = await org(server.port)
    await enqueueMany(id, 4)
    const claimedByDeadWorker = await claimDueMessages(await getPrisma(), {
      workerId: 'dead-worker',
      limit: 10_000,
      perOrgLimit: 10_000,
      busy: new Map(),
      leaseMs: 500,
      afterOrgId: '',
    })
    expect(claimedByDeadWorker.filter((row) => row.orgId === id)).toHaveLength(4)
    worker()
    await waitUntil(allHaveStatus(id, 'sent'), 15_000)
    expect(server.received).toHaveLength(4)
    expect((await outboxOf(id)).every((row) => row.attempts === 2)).toBe(true)
  })

  describe.skipIf(process.env.TEST_DB !== 'postgres')('two app instances on one PostgreSQL', () => {
    it('share a backlog of 500 messages with zero duplicates', async () => {
      const server = await smtp()
      const { id } = await org(server.port)
      const recipients = await enqueueMany(id, 500)
      const second = await openDatabase({ url: process.env.DATABASE_URL })
      try {
        worker()
        worker(async () => second.prisma)
        await server.waitForMessages(500, 60_000)
        await waitUntil(allHaveStatus(id, 'sent'), 30_000)
        const delivered = server.received.map((mail) => mail.rcptTo[0])
        expect(delivered).toHaveLength(500)
        expect(new Set(delivered).size).toBe(500)
        expect(new Set(delivered)).toEqual(new Set(recipients))
      } finally {
        for (const item of running.splice(0).reverse()) if ('stop' in item) await item.stop()
        await second.close()
      }
    }, 120_000)
  })
})
