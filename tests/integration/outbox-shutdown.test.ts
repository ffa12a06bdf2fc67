import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase, type TDatabase } from '@/lib/server/db/open'
import { keyFromBase64, seal } from '@/lib/server/crypto/secret-box'
import { killInstances, printed, startInstance } from '../support/instance-process'
import { startSmtpServer, TEST_USER, type TTestSmtpServer } from '../support/smtp-server'

// Defect 3 of issue 12: on SIGTERM the sends in progress were cut off after a 5 s grace and their rows re-sent once
// the lease ran out — duplicates on every deploy. Now an instance stops claiming, gives back what waits unsent at
// once, finishes the sends in progress (within the deadline) and records them before it exits.

const COUNT = 500
const isPostgres = process.env.TEST_DB === 'postgres'
const pgliteDir = mkdtempSync(join(tmpdir(), 'shutdown-pglite-'))
const databaseOptions = isPostgres ? { url: process.env.DATABASE_URL } : { pgliteDir }
// a send in progress at SIGTERM takes longer than the old 5 s grace, and less than the deadline
const SLOW_ACCEPT_MS = 6_000
// otherwise 100 ms a message (50 a second per instance): the flow is still going at each restart
const ACCEPT_MS = 100
const INSTANCE_ENV = {
  OUTBOX_LEASE_MS: '25000',
  OUTBOX_SEND_DEADLINE_MS: '10000',
  OUTBOX_POLL_MS: '50',
  ...(isPostgres ? {} : { PGLITE_DIR: pgliteDir }),
}

afterAll(killInstances)

async function withDatabase<T>(work: (database: TDatabase) => Promise<T>): Promise<T> {
  const database = await openDatabase(databaseOptions) // PGlite: only while no instance holds it
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}

async function seed(smtpPort: number): Promise<string> {
  return withDatabase(async ({ prisma }) => {
    const org = await prisma.organization.create({ data: { name: 'Deploy Org', slug: `deploy-${Date.now()}` } })
    await prisma.emailProviderSettings.create({
      data: {
        orgId: org.id,
        host: 'localhost',
        port: smtpPort,
        fromAddress: 'no-reply@deploy.test',
        signIn: { username: TEST_USER.username },
        passwordSecret: seal(TEST_USER.password, keyFromBase64(process.env.ENCRYPTION_KEY!)),
      },
    })
    await prisma.outboxMessage.createMany({
      data: Array.from({ length: COUNT }, (_, index) => ({
        orgId: org.id,
        kind: 'verify' as const,
        toAddress: `deploy-${index}@users.test`,
        subject: 'Verify',
        html: '<p>x</p>',
        text: 'x',
        messageId: `<deploy-${index}-${org.id}@test>`,
      })),
    })
    return org.id
  })
}

async function started(orgId: string): Promise<ChildProcess> {
  const child = startInstance(orgId, INSTANCE_ENV)
  await printed(child, 'worker')
  return child
}

// SIGTERM while the server is slow, so that sends are in progress; a new instance replaces the old one.
async function replace(instance: ChildProcess, smtp: TTestSmtpServer, orgId: string): Promise<ChildProcess> {
  smtp.setAcceptDelay(SLOW_ACCEPT_MS)
  const before = smtp.received.length
  expect(before).toBeLessThan(COUNT - 50) // still flowing
  await smtp.waitForMessages(before + 1, 10_000) // a message is on the server and its reply held back
  instance.kill('SIGTERM')
  const [code] = await once(instance, 'exit')
  expect(code).toBe(0)
  smtp.setAcceptDelay(ACCEPT_MS)
  return started(orgId)
}

describe('a rolling restart while 500 messages flow', () => {
  it('sends every message exactly once', async () => {
    const smtp = await startSmtpServer('starttls-auth', TEST_USER, 0, ACCEPT_MS)
    try {
      const orgId = await seed(smtp.port)
      let first = await started(orgId)
      // PGlite is one process's database: there, the one instance is restarted twice
      let second = isPostgres ? await started(orgId) : null
      await smtp.waitForMessages(100, 60_000)
      first = await replace(first, smtp, orgId)
      await smtp.waitForMessages(250, 60_000)
      if (second) second = await replace(second, smtp, orgId)
      else first = await replace(first, smtp, orgId)
      await printed(first, 'drained')
      for (const instance of [first, second]) {
        if (!instance) continue
        instance.kill('SIGTERM')
        await once(instance, 'exit')
      }

      const rows = await withDatabase(({ prisma }) => prisma.outboxMessage.findMany({ where: { orgId } }))
      expect(rows.filter((row) => row.status !== 'sent').map((row) => [row.status, row.lastError])).toEqual([])
      const recipients = smtp.received.map((mail) => mail.rcptTo[0])
      expect(new Set(recipients).size).toBe(COUNT) // none lost
      expect(recipients.length).toBe(COUNT) // none twice
    } finally {
      await smtp.close()
    }
  }, 240_000)
})
