// `npm run bench [-- --only=delivery,isolation,page,errors,signup] [--profile]`: every benchmark of this 2-core machine,
// one after another (never two at once), each figure beside the baseline measured in the same run.
// --quick (with --only=delivery) skips the slow naive and 2-instance runs when profiling.
// Prints the table and writes bench/results/run.json.tmp (with --record, a full run writes bench/results/latest.json;
// a partial run writes bench/results/partial.json.tmp).
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestCa } from '../tests/support/test-ca'
import { forkChild, ROOT } from './support/child'
import type { TDeliveryOptions } from './delivery'
import type { TIsolationOptions } from './isolation'
import { runErrors } from './errors'
import { runPage } from './page'
import { runSignupLoad } from './signup-load'
import { isBuildStale, nextBuild, prepareBareWorkspace, startNext, stopAllServers } from './support/app-server'
import { startConsoleApp } from './support/console-app'
import { loadAverage } from './support/machine'
import type { TRow, TSectionResult } from './support/results'
import { startSink } from './support/sink'
import { formatNotes, formatTable } from './support/table'

const SECTIONS = ['delivery', 'isolation', 'errors', 'page', 'signup'] as const
// the numbering: isolation is part of 1, delivery
const SECTION_NUMBERS: Record<TSection, number> = { delivery: 1, isolation: 1, errors: 2, page: 3, signup: 4 }
type TSection = (typeof SECTIONS)[number]

const args = process.argv.slice(2)
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',') as TSection[] | undefined
const isProfiling = args.includes('--profile')
const isQuick = args.includes('--quick')
// only a full run asked to be recorded replaces the committed latest.json; any other run goes to an ignored file
const isRecording = args.includes('--record') && !only
const selected = SECTIONS.filter((section) => !only || only.includes(section))
const resultsDir = join(ROOT, 'bench', 'results')

async function runDeliverySection(caPath: string, caDir: string): Promise<TSectionResult> {
  const profileDir = isProfiling ? join(resultsDir, 'profiles') : undefined
  if (profileDir) mkdirSync(profileDir, { recursive: true })
  const child = forkChild('bench/delivery.ts', { NODE_EXTRA_CA_CERTS: caPath, TEST_CA_DIR: caDir }, { name: 'delivery' })
  try {
    const options: TDeliveryOptions = { n: Number(process.env.BENCH_N ?? 2000), naiveConcurrency: 5, profileDir, log: true, isQuick }
    return await child.call<TSectionResult>('run', options)
  } finally {
    await child.stop()
  }
}

async function runIsolationSection(caPath: string, caDir: string): Promise<TSectionResult> {
  const child = forkChild('bench/isolation.ts', { NODE_EXTRA_CA_CERTS: caPath, TEST_CA_DIR: caDir }, { name: 'isolation' })
  try {
    const options: TIsolationOptions = { backlog: 10_000, slowMs: 2_000, samples: 40, quietSamples: 20, log: true }
    return await child.call<TSectionResult>('run', options)
  } finally {
    await child.stop()
  }
}

const heading = (title: string) => console.info(`\n== ${title} (load average ${loadAverage()})`)
const log = (line: string) => console.info(`  ${line}`)

function failed(name: TSection, error: unknown): TSectionResult {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`  ${name} failed: ${message}`)
  const row: TRow = {
    section: `${SECTION_NUMBERS[name]} ${name}`,
    metric: `${name} benchmark`,
    unit: '',
    ours: null,
    met: false,
    note: `failed: ${message}`,
  }
  return { rows: [row], details: { error: message } }
}

/** A failed benchmark becomes a failed row of the table; the others still run. */
async function attempt(name: TSection, results: Map<string, TSectionResult>, work: () => Promise<TSectionResult>) {
  try {
    results.set(name, await work())
  } catch (error) {
    results.set(name, failed(name, error))
  }
}

/** Benchmarks 2–4 share one production server, one sink and one signed-in admin; builds come first. */
async function runAppSections(caPath: string, results: Map<string, TSectionResult>) {
  const needsPage = selected.includes('page')
  const cleanups: Array<() => unknown> = []
  try {
    if (isBuildStale()) log(`built our app: ${(await nextBuild('next-build')).toFixed(0)} s (sources newer than .next)`)
    else log('our app: .next is newer than the sources, reusing it')
    const bareWorkspace = needsPage ? prepareBareWorkspace() : null
    if (bareWorkspace) cleanups.push(() => bareWorkspace.remove())
    if (bareWorkspace) log(`built the bare page: ${(await nextBuild('bare-build', bareWorkspace.dir)).toFixed(0)} s`)
    const bare = bareWorkspace ? await startNext('bare-server', {}, { dir: bareWorkspace.dir, readyPath: '/' }) : null
    if (bare) cleanups.push(() => bare.stop())
    const sink = await startSink()
    cleanups.push(() => sink.close())
    const app = await startConsoleApp({ sinkPort: sink.port, caPath })
    cleanups.push(() => app.close())
    log(`server ${app.server.url}, admin of /orgs/${app.admin.slug}`)
    if (bare) {
      heading('3. Page weight and speed')
      await attempt('page', results, () => runPage(app, `${bare.url}/`, { loads: 20, warmups: 2, log }))
    }
    if (selected.includes('errors')) {
      heading('2. Time to a clear error')
      await attempt('errors', results, () => runErrors(app, sink.port, log))
    }
    if (selected.includes('signup')) {
      heading('4. Sign-up under load')
      await attempt('signup', results, () => runSignupLoad(app, sink, { concurrency: 200, sequential: 10, databaseUrl: app.databaseUrl, log }))
    }
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch((error) => console.error('  cleanup failed:', error))
  }
}

// Ctrl-C: next-server runs in its own process group and would keep its port and database
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopAllServers().finally(() => process.exit(130))
  })
}

/** The commit measured, with "-dirty" when the working tree has uncommitted changes (they are measured too). */
function gitRevision(dir: string): string {
  if (process.env.BENCH_REVISION) return process.env.BENCH_REVISION // set by bench/experiments/variant.sh
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { cwd: dir, encoding: 'utf8' }).trim()
  } catch {
    return 'unknown'
  }
}

async function main() {
  const startedAt = Date.now()
  console.info(
    `bench of ${gitRevision(ROOT)}: ${selected.join(', ')} on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`,
  )
  const caDir = mkdtempSync(join(tmpdir(), 'console-bench-ca-'))
  const ca = await createTestCa(caDir)
  process.env.TEST_CA_DIR = caDir
  const results = new Map<string, TSectionResult>()
  try {
    if (selected.includes('delivery')) {
      heading('1. Delivery throughput')
      await attempt('delivery', results, () => runDeliverySection(ca.caPath, caDir))
    }
    if (selected.includes('isolation')) {
      heading('1. Delivery: isolation')
      await attempt('isolation', results, () => runIsolationSection(ca.caPath, caDir))
    }
    if (selected.some((section) => section !== 'delivery' && section !== 'isolation')) {
      heading('Production server for 2–4')
      await runAppSections(ca.caPath, results).catch((error) => {
        for (const name of selected) if (!results.has(name)) results.set(name, failed(name, error))
      })
    }
  } finally {
    rmSync(caDir, { recursive: true, force: true })
  }
  // table order follows the issue: 1, 2, 3, 4
  const rows: TRow[] = SECTIONS.flatMap((name) => results.get(name)?.rows ?? [])
  const details = Object.fromEntries(SECTIONS.filter((name) => results.has(name)).map((name) => [name, results.get(name)!.details]))
  const table = formatTable(rows)
  console.info(`\n${table}\n\nNotes:\n${formatNotes(rows)}\n`)
  const report = {
    date: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, loadAverageAtEnd: loadAverage() },
    revision: gitRevision(ROOT),
    sections: selected,
    durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    rows,
    details,
  }
  mkdirSync(resultsDir, { recursive: true })
  const file = join(resultsDir, isRecording ? 'latest.json' : only ? 'partial.json.tmp' : 'run.json.tmp')
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
  console.info(`wrote ${file} (${report.durationSeconds} s)`)
  const missed = rows.filter((row) => row.met === false).length
  if (missed > 0) console.info(`${missed} target(s) missed: see the notes above and bench/README.md`)
}

await main()
