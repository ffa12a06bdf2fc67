// Health and metrics for operators (lib/server/health.ts, app/api/health/*, app/api/metrics) on the run's database:
// ready while the database answers and the worker runs, 503 when the database stops and during the drain; the
// Prometheus text after real work; secrets and hosts never in the answers.
import { afterAll, describe, expect, it } from 'vitest'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { markDraining, markWorkerRunning, readiness } from '@/lib/server/health'
import { getMetrics } from '@/lib/server/metrics'
import { collectOutboxGauges } from '@/lib/delivery/server/outbox/outbox-gauges'
import { GET as live } from '@/app/api/health/live/route'
import { GET as ready } from '@/app/api/health/ready/route'
import { openFreshDatabase } from '../support/data-db'
import { startSmtpServer } from '../support/smtp-server'
import { waitUntil } from '../support/wait-until'
import { createDeliveryWorker } from '@/lib/delivery/server/worker/worker'
import { closeAllTransports } from '@/lib/mail/server/transport-cache'
import { createOrg, enqueueMany } from '../support/outbox-fixtures'

afterAll(() => closeDatabase())

describe('health', () => {
  it('is live while the process serves', async () => {
    const response = live()
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  it('is ready with the database, the migrations and the worker; 503 naming the failing part otherwise', async () => {
    await getPrisma()
    markWorkerRunning(false)
    let response = await ready()
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({ status: 'not ready', database: 'ok', migrations: 'ok', worker: 'stopped' })

    markWorkerRunning(true)
    response = await ready()
    expect(response.status).toBe(200)
    const body = await response.text()
    expect(JSON.parse(body)).toEqual({ status: 'ready', database: 'ok', migrations: 'ok', worker: 'running' })
    expect(body).not.toMatch(/postgres(ql)?:\/\/|password|127\.0\.0\.1/)
  })

  it('turns 503 when the database stops answering', async () => {
    const database = await openFreshDatabase()
    markWorkerRunning(true)
    expect((await readiness(async () => database.prisma)).isReady).toBe(true)
    await database.dispose()
    const after = await readiness(async () => database.prisma)
    expect(after).toMatchObject({ isReady: false, checks: { database: 'failing' } })
  })

  it('turns 503 for the drain, from SIGTERM on', async () => {
    markWorkerRunning(true)
    markDraining()
    const response = await ready()
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({ worker: 'draining' })
  })
})

describe('metrics', () => {
  it('counts real deliveries by outcome and provider kind, and their time from enqueue to accepted', async () => {
    const smtp = await startSmtpServer('starttls-auth')
    const org = await createOrg(smtp.port)
    const worker = createDeliveryWorker(getPrisma)
    try {
      const sentBefore = await counterValue('email_deliveries_total{outcome="sent",provider_kind="custom"}')
      await enqueueMany(org.id, 2, 'metrics-delivery')
      worker.wake()
      await smtp.waitForMessages(2)
      await waitUntil(async () => (await counterValue('email_deliveries_total{outcome="sent",provider_kind="custom"}')) >= sentBefore + 2)
      expect(await getMetrics().registry.metrics()).toMatch(/^email_delivery_duration_seconds_count \d+/m)
    } finally {
      await worker.stop()
      closeAllTransports()
      await smtp.close()
    }
  })

  it('exposes the outbox gauges, counters and process metrics in Prometheus text, without organization labels', async () => {
    const org = await createOrg()
    await enqueueMany(org.id, 3, 'metrics')
    await collectOutboxGauges()
    getMetrics().testEmails.inc({ outcome: 'sent' })
    const text = await getMetrics().registry.metrics()
    const queued = Number(/^email_outbox_messages\{status="queued"\} (\d+)$/m.exec(text)?.[1])
    expect(queued).toBeGreaterThanOrEqual(3)
    expect(text).toMatch(/^email_outbox_oldest_due_seconds \d/m)
    expect(text).toMatch(/^email_test_emails_total\{outcome="sent"\} [1-9]/m)
    expect(text).toMatch(/^process_cpu_user_seconds_total /m)
    expect(text).not.toContain(org.id)
  })
})

async function counterValue(series: string): Promise<number> {
  const line = (await getMetrics().registry.metrics()).split('\n').find((candidate) => candidate.startsWith(`${series} `))
  return line ? Number(line.slice(series.length + 1)) : 0
}
