// Benchmark 4, sign-up under load: 200 org-user sign-ups fired at once over HTTP on loopback, each a POST of the
// sign-up Server Action exactly as the browser sends it (recorded once from the real form, then replayed with
// other addresses). Latency p50/p95 and errors; then every verification email must reach the sink exactly once.
import pg from 'pg'
import { hashPassword } from 'better-auth/crypto'
import type { TConsoleApp } from './support/console-app'
import { epochMs } from './support/child'
import { infoRow, maxRow, type TRow, type TSectionResult } from './support/results'
import type { TSink } from './support/sink'
import { percentile } from './support/stats'

type TRecorded = { url: string; headers: Record<string, string>; body: string; email: string }
type TResult = { ms: number; ok: boolean; isRefused: boolean; status: number; error?: string }

const PASSWORD = 'correct horse battery'
const REQUEST_TIMEOUT_MS = 60_000

/** Signs one user up through the page and keeps the Server Action request the browser made. */
async function recordSignup(app: TConsoleApp, email: string): Promise<TRecorded> {
  const context = await app.browser.newContext({ bypassCSP: true })
  try {
    const page = await context.newPage()
    await page.goto(`${app.server.url}/t/${app.admin.slug}/signup`)
    await page.getByRole('button', { name: 'Sign up' }).and(page.locator(':enabled')).waitFor()
    await page.getByLabel('Email', { exact: true }).fill(email)
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
    const request = page.waitForRequest((candidate) => candidate.method() === 'POST' && Boolean(candidate.headers()['next-action']))
    await page.getByRole('button', { name: 'Sign up' }).click()
    const recorded = await request
    await page.getByText('Check your inbox').waitFor({ timeout: 30_000 })
    const body = recorded.postData() ?? ''
    if (!body.includes(email)) throw new Error(`the recorded sign-up request does not carry the address: ${body.slice(0, 200)}`)
    const keep = ['next-action', 'next-router-state-tree', 'content-type', 'accept', 'origin']
    const headers = Object.fromEntries(Object.entries(recorded.headers()).filter(([name]) => keep.includes(name)))
    return { url: recorded.url(), headers, body, email }
  } finally {
    await context.close()
  }
}

// Diagnostic knob: BENCH_SIGNUP_ENCODING=identity asks for uncompressed answers (browsers and fetch ask for gzip).
const ACCEPT_ENCODING = process.env.BENCH_SIGNUP_ENCODING ?? 'gzip, deflate'

async function replay(recorded: TRecorded, email: string): Promise<TResult> {
  const startedAt = epochMs()
  try {
    const response = await fetch(recorded.url, {
      method: 'POST',
      headers: { ...recorded.headers, 'accept-encoding': ACCEPT_ENCODING },
      body: recorded.body.replace(recorded.email, email),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    const text = await response.text()
    const ok = response.status === 200 && /"ok":true/.test(text)
    // past the bounded hash queue a sign-up is refused on purpose (503 + Retry-After, or "busy" from the action)
    const isRefused = response.status === 503 || text.includes('The server is busy right now')
    return { ms: epochMs() - startedAt, ok, isRefused, status: response.status, error: ok ? undefined : text.slice(0, 200) }
  } catch (error) {
    return { ms: epochMs() - startedAt, ok: false, isRefused: false, status: 0, error: error instanceof Error ? error.message : String(error) }
  }
}

/** Loads a page every 250 ms (one at a time) until stopped: how the rest of the app answers during the burst. */
function probePage(url: string) {
  const latencies: number[] = []
  let isStopping = false
  const loop = (async () => {
    while (!isStopping) {
      const startedAt = epochMs()
      await fetch(url, { headers: { 'accept-encoding': 'gzip, deflate' }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
        .then((response) => response.arrayBuffer())
        .catch(() => undefined)
      latencies.push(epochMs() - startedAt)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  })()
  return {
    async stop() {
      isStopping = true
      await loop
      return latencies
    },
  }
}

/** The same number of password hashes (better-auth's scrypt, as sign-up uses) started at once, with nothing else. */
async function hashFloor(count: number): Promise<number[]> {
  const startedAt = epochMs()
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      await hashPassword(`${PASSWORD} ${index}`)
      return epochMs() - startedAt
    }),
  )
}

async function outboxRows(databaseUrl: string, prefix: string) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ status: string; attempts: number; count: string }>(
      `SELECT status, attempts, count(*) FROM outbox_message WHERE "toAddress" LIKE $1 GROUP BY status, attempts`,
      [`${prefix}%`],
    )
    return rows.map((row) => ({ status: row.status, attempts: row.attempts, count: Number(row.count) }))
  } finally {
    await client.end()
  }
}

export async function runSignupLoad(
  app: TConsoleApp,
  sink: TSink,
  options: { concurrency: number; sequential: number; databaseUrl: string; log: (line: string) => void },
): Promise<TSectionResult> {
  const section = '4 Sign-up'
  const runId = Date.now().toString(36)
  const recorded = await recordSignup(app, `recorded-${runId}@users.test`)
  options.log(`recorded the sign-up Server Action (${recorded.headers['content-type']}), replaying it`)

  // baseline: the same request one at a time, on an idle server
  const sequentialPrefix = `seq-${runId}-`
  const sequential: TResult[] = []
  for (let index = 0; index < options.sequential; index++) sequential.push(await replay(recorded, `${sequentialPrefix}${index}@users.test`))
  await sink.waitFor(1 + options.sequential, 60_000)

  // the floor no server can beat on this machine: the burst's password hashes alone
  const floor = await hashFloor(options.concurrency)
  await sink.reset()

  const prefix = `load-${runId}-`
  const emails = Array.from({ length: options.concurrency }, (_, index) => `${prefix}${index}@users.test`)
  const burstAt = epochMs()
  const probe = probePage(`${app.server.url}/t/${app.admin.slug}/signup`)
  const results = await Promise.all(emails.map((email) => replay(recorded, email)))
  const burstSeconds = (epochMs() - burstAt) / 1000
  const probeMs = await probe.stop()
  const refusals = results.filter((result) => result.isRefused)
  const failures = results.filter((result) => !result.ok && !result.isRefused)
  options.log(
    `${options.concurrency} at once: p50 ${percentile(
      results.map((r) => r.ms),
      50,
    ).toFixed(0)} ms, p95 ${percentile(
      results.map((r) => r.ms),
      95,
    ).toFixed(0)} ms, ${refusals.length} refused as busy, ${failures.length} errors, all answered in ${burstSeconds.toFixed(1)} s`,
  )

  // every verification email of a successful sign-up, exactly once: wait for all, then a little longer for duplicates
  const expected = results.filter((result) => result.ok).length
  let deliveredAt: number | null = null
  try {
    deliveredAt = await sink.waitFor(expected, 120_000)
  } catch (error) {
    options.log(`delivery incomplete: ${error instanceof Error ? error.message : error}`)
  }
  await new Promise((resolve) => setTimeout(resolve, 2_500))
  const perRecipient = await sink.recipients(prefix)
  const duplicates = Object.values(perRecipient).reduce((sum, count) => sum + Math.max(0, count - 1), 0)
  const missing = emails.filter((email, index) => results[index]!.ok && !perRecipient[email]).length
  const rows = await outboxRows(options.databaseUrl, prefix)

  const latencies = results.map((result) => result.ms)
  const sequentialMs = sequential.map((result) => result.ms)
  const p50 = percentile(latencies, 50)
  const p95 = percentile(latencies, 95)
  const table: TRow[] = [
    infoRow({
      section,
      metric: `sign-up p50, ${options.concurrency} at once`,
      unit: 'ms',
      ours: p50,
      baseline: percentile(sequentialMs, 50),
      baselineLabel: `one at a time, ${options.sequential}`,
    }),
    maxRow(
      {
        section,
        metric: `sign-up p95, ${options.concurrency} at once`,
        unit: 'ms',
        ours: p95,
        baseline: percentile(floor, 95),
        baselineLabel: `${options.concurrency} bare hashes`,
        target: '≤ 300 ms',
        note: `floor: ${options.concurrency} scrypt hashes alone (no HTTP, no DB) finish p50 ${percentile(floor, 50).toFixed(0)} ms, p95 ${percentile(floor, 95).toFixed(0)} ms on this machine`,
      },
      300,
    ),
    maxRow(
      {
        section,
        metric: 'sign-up errors',
        unit: '',
        ours: failures.length,
        target: '0',
        note: failures.length ? `first: ${failures[0]!.status} ${failures[0]!.error}` : undefined,
      },
      0,
    ),
    infoRow({
      section,
      metric: 'sign-ups refused as busy (hash queue full)',
      unit: '',
      ours: refusals.length,
      note: '503 + Retry-After or "busy": past the bounded password-hash queue (lib/auth/server/hash-queue.ts), until it drained to half',
    }),
    maxRow(
      {
        section,
        metric: 'verification emails delivered twice',
        unit: '',
        ours: duplicates,
        target: '0',
        note: `${Object.keys(perRecipient).length}/${expected} delivered, ${missing} missing`,
      },
      0,
    ),
    infoRow({
      section,
      metric: 'sign-up page load during the burst, max',
      unit: 'ms',
      ours: Math.max(...probeMs),
      baseline: percentile(sequentialMs, 50),
      baselineLabel: 'idle sign-up p50',
      note: `${probeMs.length} loads, p50 ${percentile(probeMs, 50).toFixed(0)} ms`,
    }),
    infoRow({
      section,
      metric: 'all verification emails accepted after',
      unit: 's',
      ours: deliveredAt === null ? null : (deliveredAt - burstAt) / 1000,
      note: `outbox rows: ${rows.map((row) => `${row.count} ${row.status} (attempts ${row.attempts})`).join(', ')}`,
    }),
  ]
  if (missing > 0) table.push(maxRow({ section, metric: 'verification emails missing', unit: '', ours: missing, target: '0' }, 0))
  return {
    rows: table,
    details: {
      acceptEncoding: ACCEPT_ENCODING,
      probeMs,
      latenciesMs: latencies,
      sequentialMs,
      hashFloorMs: floor,
      burstSeconds,
      failures: failures.slice(0, 5),
      outboxRows: rows,
    },
  }
}
