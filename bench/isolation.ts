// Isolation (issue 12): how long organization Y's single email takes to be accepted while organization X has a backlog
// (10,000) queued to a server that takes 2 s per message, beside the same figure with nothing else queued, measured in
// the same run with the same app instance and sinks. One app instance (bench/delivery-instance.ts, the real worker) on
// PostgreSQL with the production poll interval; each email is queued as sign-up queues it, then the worker is woken.
// Each sample is a new organization, so each pays for its own connection (greeting, STARTTLS, AUTH).
// Runs in a child of run.ts, started with NODE_EXTRA_CA_CERTS so that TLS to the sinks is trusted.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { verifyEmail } from '@/lib/mail/server/templates/verify-email'
import { createTestDatabase, dropTestDatabase } from '../tests/support/postgres'
import type { TContent } from './delivery-instance'
import { forkChild, type TChild } from './support/child'
import { appInstanceEnv } from './support/instance-env'
import { maxRow, type TSectionResult } from './support/results'
import { serve } from './support/rpc'
import { startSink, type TSink } from './support/sink'
import { median, percentile } from './support/stats'

export type TIsolationOptions = {
  /** messages queued for organization X */
  backlog: number
  /** ms the slow server takes per message */
  slowMs: number
  /** samples of Y's email with X's backlog, and with nothing else queued */
  samples: number
  quietSamples: number
  log: boolean
}

const TARGET_SECONDS = 2
// the production default (lib/env.ts): sign-up wakes the worker, the poll is only the safety net
const POLL_MS = 1_000

const recipientsFor = (phase: string, n: number) => Array.from({ length: n }, (_, index) => `bench-${phase}-${index}@users.test`)

/** Queues one email for the organization and returns the ms until the sink accepted it. */
async function sample(instance: TChild, sink: TSink, orgId: string, to: string, content: TContent): Promise<number> {
  await sink.reset()
  const queuedAt = await instance.call<number>('enqueueOne', orgId, to, content)
  const acceptedAt = await sink.waitFor(1, 30_000)
  return acceptedAt - queuedAt
}

async function samplesOf(instance: TChild, sink: TSink, orgIds: string[], phase: string, content: TContent): Promise<number[]> {
  const latencies: number[] = []
  for (const [index, orgId] of orgIds.entries()) latencies.push(await sample(instance, sink, orgId, `bench-${phase}-${index}@users.test`, content))
  return latencies
}

export async function runIsolation(options: TIsolationOptions): Promise<TSectionResult> {
  const { backlog, slowMs, samples, quietSamples } = options
  const log = (line: string) => options.log && console.info(`  [isolation] ${line}`)
  const fast = await startSink()
  const slow = await startSink({ dataDelayMs: slowMs })
  const pg = await createTestDatabase('console_bench')
  const dataDir = mkdtempSync(join(tmpdir(), 'console-bench-'))
  const instance = forkChild('bench/delivery-instance.ts', appInstanceEnv({ dataDir, databaseUrl: pg.url, pollMs: POLL_MS }), { name: 'isolation instance' })
  try {
    await instance.call('open')
    const content = await verifyEmail({ orgName: 'Bench', link: `http://localhost:3000/t/bench/verify?token=${'x'.repeat(43)}` })
    const [warmOrg, ...orgIds] = await instance.call<string[]>('createOrgs', fast.port, 1 + quietSamples + samples)
    await instance.call('start')
    await samplesOf(instance, fast, [warmOrg!], 'warm', content) // compiles the code paths; not counted
    const quiet = await samplesOf(instance, fast, orgIds.slice(0, quietSamples), 'quiet', content)
    log(`nothing else queued: p50 ${median(quiet).toFixed(0)} ms, p95 ${percentile(quiet, 95).toFixed(0)} ms`)

    const { orgId: floodOrg, enqueueMs } = await instance.call<{ orgId: string; enqueueMs: number }>(
      'seed',
      slow.port,
      recipientsFor('flood', backlog),
      content,
      undefined,
      undefined,
      500,
    )
    log(`queued ${backlog} for org X in ${(enqueueMs / 1000).toFixed(1)} s`)
    await slow.waitFor(1, 60_000) // X's sends are under way, each taking slowMs
    const startedAt = performance.now()
    const busy = await samplesOf(instance, fast, orgIds.slice(quietSamples), 'busy', content)
    const busySeconds = (performance.now() - startedAt) / 1000
    const counts = await instance.call<Record<string, number>>('statusCounts', floodOrg, 'bench-flood-')
    const slowStats = await slow.stats()
    const waiting = (counts.queued ?? 0) + (counts.sending ?? 0)
    log(
      `with org X's backlog: p50 ${median(busy).toFixed(0)} ms, p95 ${percentile(busy, 95).toFixed(0)} ms; X: ${slowStats.received} accepted, ${waiting} waiting`,
    )

    const row = maxRow(
      {
        section: '1 Delivery',
        metric: `isolation: org Y's email while org X has ${backlog.toLocaleString('en-US')} queued to a ${slowMs / 1000} s/msg server, p95 of ${samples}`,
        unit: 's',
        ours: percentile(busy, 95) / 1000,
        baseline: percentile(quiet, 95) / 1000,
        baselineLabel: `p95 of ${quietSamples}, nothing else queued`,
        target: `≤ ${TARGET_SECONDS} s`,
        note: `Y, each sample a new organization (own connection): p50 ${median(busy).toFixed(0)} ms, max ${Math.max(...busy).toFixed(0)} ms (quiet p50 ${median(quiet).toFixed(0)} ms); X: ${slowStats.received} accepted by its slow server since its backlog was queued, ${waiting} still queued or sending after the ${busySeconds.toFixed(1)} s of samples; PostgreSQL, 1 instance, poll ${POLL_MS} ms, woken on enqueue as sign-up does`,
      },
      TARGET_SECONDS,
    )
    return { rows: [row], details: { backlog, slowMs, quietMs: quiet, busyMs: busy, flood: { counts, slowAccepted: slowStats.received, enqueueMs } } }
  } finally {
    await instance.call('stop').catch(() => undefined)
    await instance.stop(15_000)
    await dropTestDatabase(pg.name)
    rmSync(dataDir, { recursive: true, force: true })
    await Promise.all([fast.close(), slow.close()])
  }
}

serve({ run: (options: TIsolationOptions) => runIsolation(options) })
