import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase, type TDatabase } from '@/lib/server/db/open'
import { keyFromBase64, seal } from '@/lib/server/crypto/secret-box'
import { killInstances, printed, startInstance } from '../support/instance-process'
import { startSmtpServer, TEST_USER } from '../support/smtp-server'

// A real crash: a worker process is SIGKILLed in the middle of delivering a backlog, a new one takes over.
// Delivery is at-least-once: a message the server accepted but the dead worker never recorded is sent again
// once its lease expires — so duplicates are bounded by the rows still claimed ("sending") at the crash.

const COUNT = 40
const isPostgres = process.env.TEST_DB === 'postgres'
const pgliteDir = mkdtempSync(join(tmpdir(), 'crash-pglite-'))
const databaseOptions = isPostgres ? { url: process.env.DATABASE_URL } : { pgliteDir }
afterAll(killInstances)

function startWorkerProcess(orgId: string) {
  // the lease must outlast a send (outcomes are recorded as each ends), else a live worker's rows look abandoned
  return startInstance(orgId, {
    OUTBOX_LEASE_MS: '5000',
    OUTBOX_SEND_DEADLINE_MS: '2000',
    OUTBOX_POLL_MS: '50',
    ...(isPostgres ? {} : { PGLITE_DIR: pgliteDir }),
  })
}

async function withDatabase<T>(work: (database: TDatabase) => Promise<T>): Promise<T> {
  const database = await openDatabase(databaseOptions) // PGlite: only while no worker process holds it
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}

describe('a worker process killed mid-delivery', () => {
  it('loses nothing; a new process delivers the rest, duplicates bounded by the messages in flight', async () => {
    const smtp = await startSmtpServer('starttls-auth', TEST_USER, 0, 150)
    const orgId = await withDatabase(async ({ prisma }) => {
      const org = await prisma.organization.create({ data: { name: 'Crash Org', slug: `crash-${Date.now()}` } })
      await prisma.emailProviderSettings.create({
        data: {
          orgId: org.id,
          host: 'localhost',
          port: smtp.port,
          fromAddress: 'no-reply@crash.test',
          signIn: { username: TEST_USER.username },
          passwordSecret: seal(TEST_USER.password, keyFromBase64(process.env.ENCRYPTION_KEY!)),
        },
      })
      for (let index = 0; index < COUNT; index++) {
        await prisma.outboxMessage.create({
          data: {
            orgId: org.id,
            kind: 'verify',
            toAddress: `crash-${index}@users.test`,
            subject: 'Verify',
            html: '<p>x</p>',
            text: 'x',
            messageId: `<crash-${index}-${org.id}@test>`,
          },
        })
      }
      return org.id
    })

    const first = startWorkerProcess(orgId)
    await smtp.waitForMessages(5, 60_000)
    first.kill('SIGKILL')
    await once(first, 'exit')
    const [inFlight, sentBeforeCrash] = await withDatabase(({ prisma }) =>
      Promise.all([prisma.outboxMessage.count({ where: { orgId, status: 'sending' } }), prisma.outboxMessage.count({ where: { orgId, status: 'sent' } })]),
    )
    expect(inFlight).toBeGreaterThan(0) // the crash really happened mid-delivery
    expect(sentBeforeCrash).toBeLessThan(COUNT)

    const second = startWorkerProcess(orgId)
    await printed(second, 'drained')
    second.kill('SIGTERM')
    await once(second, 'exit')

    const rows = await withDatabase(({ prisma }) => prisma.outboxMessage.findMany({ where: { orgId } }))
    expect(rows.filter((row) => row.status !== 'sent').map((row) => [row.status, row.lastError, row.attempts])).toEqual([])
    const recipients = smtp.received.map((mail) => mail.rcptTo[0])
    const unique = new Set(recipients)
    expect(unique.size).toBe(COUNT)
    const duplicates = recipients.length - unique.size
    expect(duplicates).toBeLessThanOrEqual(inFlight)
    // a re-sent message keeps its Message-ID, so a recipient's mail system can drop the copy
    for (const mail of smtp.received) expect(mail.parsed.messageId).toMatch(/^<crash-\d+-/)
    await smtp.close()
  }, 120_000)
})
