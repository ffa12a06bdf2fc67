// One app instance of the delivery benchmark, in its own process: the real lib/ modules with their process-wide
// database and transport cache, driven by bench/delivery.ts over IPC. Its database comes from the environment
// (PGLITE_DIR=memory:// or DATABASE_URL), exactly as in the app.
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { closeDatabase, getDatabase, getPrisma } from '@/lib/server/db'
import { createDeliveryWorker, type TWorker } from '@/lib/delivery/server/worker/worker'
import { enqueueEmail } from '@/lib/delivery/server/outbox/outbox'
import { closeAllTransports } from '@/lib/mail/server/transport-cache'
import { createOrg, type TOAuthSetup } from '../tests/support/outbox-fixtures'
import { epochMs } from './support/child'
import { serve } from './support/rpc'
import { appStatements, uncounted } from './support/statement-counter'

export type TContent = { subject: string; html: string; text: string }

let worker: TWorker | undefined
let cpuAtStart = process.cpuUsage()
let statementsAtStart = appStatements()
// With BENCH_PROFILE_FILE, the CPU profile covers exactly the delivery window: from start() to cpuMs().
const profileFile = process.env.BENCH_PROFILE_FILE
const inspector = profileFile ? new Session() : undefined

serve({
  async open() {
    return (await getDatabase()).kind
  },
  /**
   * An organization whose provider is the sink (unless given), and one queued email per recipient, each in its own
   * transaction as sign-up does (or `perTransaction` at a time, to queue a backlog quickly).
   */
  async seed(smtpPort: number, recipients: string[], content: TContent, orgId?: string, oauth?: TOAuthSetup, perTransaction = 1) {
    const id = orgId ?? (await createOrg(smtpPort, oauth)).id
    const prisma = await getPrisma()
    const startedAt = epochMs()
    for (let first = 0; first < recipients.length; first += perTransaction) {
      const batch = recipients.slice(first, first + perTransaction)
      await prisma.$transaction(async (tx) => {
        for (const to of batch) await enqueueEmail(tx, { orgId: id, kind: 'verify', to, ...content })
      })
    }
    return { orgId: id, enqueueMs: epochMs() - startedAt }
  },
  /** Organizations whose provider is the sink, without queued emails. */
  async createOrgs(smtpPort: number, count: number) {
    const ids: string[] = []
    for (let index = 0; index < count; index++) ids.push((await createOrg(smtpPort)).id)
    return ids
  },
  /** Queues one email and wakes the worker, as sign-up does; returns the time just before the transaction. */
  async enqueueOne(orgId: string, to: string, content: TContent) {
    const queuedAt = epochMs()
    await (await getPrisma()).$transaction((tx) => enqueueEmail(tx, { orgId, kind: 'verify', to, ...content }))
    worker?.wake()
    return queuedAt
  },
  /**
   * Delivers what is queued (the warm-up batch), then stops the worker and closes its connections: the timed run then
   * starts with compiled code, as in a server that has been up for a while, but opens its connections afresh.
   */
  async drain(orgId: string, count: number) {
    const prisma = await getPrisma()
    const drainer = createDeliveryWorker(getPrisma)
    const deadline = Date.now() + 60_000
    while ((await prisma.outboxMessage.count({ where: { orgId, status: 'sent' } })) < count) {
      if (Date.now() > deadline) throw new Error(`warm-up: fewer than ${count} sent after 60 s`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await drainer.stop()
    closeAllTransports()
  },
  async start() {
    if (inspector) {
      inspector.connect()
      await inspector.post('Profiler.enable')
      await inspector.post('Profiler.setSamplingInterval', { interval: 200 })
      await inspector.post('Profiler.start')
    }
    cpuAtStart = process.cpuUsage()
    statementsAtStart = appStatements()
    worker = createDeliveryWorker(getPrisma)
    return epochMs()
  },
  /** CPU used since start(); ends the profile, if any. */
  async cpuMs() {
    const used = process.cpuUsage(cpuAtStart)
    if (inspector && profileFile) {
      const { profile } = await inspector.post('Profiler.stop')
      writeFileSync(profileFile, JSON.stringify(profile))
    }
    return Math.round((used.user + used.system) / 1000)
  },
  /** SQL statements the app sent to PostgreSQL since start(), in all and by kind (none on PGlite). */
  statements() {
    const now = appStatements()
    const byKind = Object.entries(now.byKind)
      .map(([kind, count]) => [kind, count - (statementsAtStart.byKind[kind] ?? 0)] as const)
      .filter(([, count]) => count > 0)
    return { total: now.total - statementsAtStart.total, byKind: Object.fromEntries(byKind) }
  },
  async statusCounts(orgId: string, prefix: string) {
    const prisma = await getPrisma()
    const groups = await uncounted(() =>
      prisma.outboxMessage.groupBy({ by: ['status'], where: { orgId, toAddress: { startsWith: prefix } }, _count: { _all: true } }),
    )
    return Object.fromEntries(groups.map((group) => [group.status, group._count._all]))
  },
  /** Stops the worker and closes everything; the process then exits by itself (so --cpu-prof can write its file). */
  async stop() {
    await worker?.stop()
    closeAllTransports()
    await closeDatabase()
    setTimeout(() => process.exit(0), 50)
  },
})
