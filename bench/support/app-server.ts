// Production builds and `next start` servers for benchmarks 2–4: our app (built when missing or older than its
// sources, as scripts/start.mjs decides) and the bare page in bench/bare-next (built every run, same `next` binary).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from './child'

const nextBinOf = (dir: string) => join(dir, 'node_modules', 'next', 'dist', 'bin', 'next')
export const BARE_SOURCE_DIR = join(ROOT, 'bench', 'bare-next')
// What `next build` of a TypeScript app router page needs from node_modules (next's own dependencies included).
const BARE_PACKAGES = [
  'next',
  '@next/env',
  '@next/swc-linux-x64-gnu',
  '@next/swc-linux-x64-musl',
  '@swc/helpers',
  'tslib',
  'baseline-browser-mapping',
  'caniuse-lite',
  'postcss',
  'nanoid',
  'picocolors',
  'source-map-js',
  'styled-jsx',
  'client-only',
  'react',
  'react-dom',
  'scheduler',
  'typescript',
  '@types/react',
  '@types/react-dom',
  '@types/node',
  'undici-types',
  'csstype',
]
export const LOG_DIR = join(ROOT, 'bench', 'results', 'logs')
const SOURCE_DIRS = ['app', 'components', 'lib', 'prisma']
const SOURCE_FILES = ['next.config.js', 'package-lock.json', 'proxy.ts', 'instrumentation.ts', 'postcss.config.mjs']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  if (path.endsWith('generated')) return 0
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))))
}

/** True when .next is missing or older than any source (the rule of scripts/start.mjs). */
export function isBuildStale(): boolean {
  const buildId = join(ROOT, '.next', 'BUILD_ID')
  if (!existsSync(buildId)) return true
  const builtAt = statSync(buildId).mtimeMs
  return [...SOURCE_DIRS, ...SOURCE_FILES].some((name) => newestMtime(join(ROOT, name)) > builtAt)
}

function logFile(name: string): string {
  mkdirSync(LOG_DIR, { recursive: true })
  return join(LOG_DIR, `${name}.log`)
}

/**
 * A workspace for the bare page outside this repository: built inside it, Turbopack takes the repository as its root
 * and compiles our instrumentation.ts into the bare app. Its node_modules are hard links to ours: the same `next`.
 */
export function prepareBareWorkspace(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'console-bench-bare-'))
  for (const entry of ['app', 'next.config.mjs', 'tsconfig.json']) cpSync(join(BARE_SOURCE_DIR, entry), join(dir, entry), { recursive: true })
  for (const name of BARE_PACKAGES) {
    const source = join(ROOT, 'node_modules', name)
    if (!existsSync(source)) continue
    mkdirSync(join(dir, 'node_modules', name, '..'), { recursive: true })
    const copy = spawnSync('cp', ['-al', source, join(dir, 'node_modules', name)])
    if (copy.status !== 0) throw new Error(`cp -al ${source}: ${copy.stderr.toString()}`)
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** `next build` of our app, or of the app in `dir`, output to bench/results/logs/<name>.log; returns seconds taken. */
export async function nextBuild(name: string, dir?: string): Promise<number> {
  const file = logFile(name)
  const out = createWriteStream(file)
  await once(out, 'open')
  const startedAt = Date.now()
  const child = spawn(process.execPath, [nextBinOf(dir ?? ROOT), 'build'], {
    cwd: dir ?? ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', out, out],
  })
  const [code] = (await once(child, 'exit')) as [number | null]
  out.close()
  if (code !== 0) throw new Error(`next build ${dir ?? ''} failed (exit ${code}): see ${file}`)
  return (Date.now() - startedAt) / 1000
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

export type TNextServer = { url: string; port: number; logFile: string; stop(): Promise<void> }

const runningServers = new Set<TNextServer>()

/** Stops every server startNext started and did not stop yet (on Ctrl-C or a failed run). */
export async function stopAllServers(): Promise<void> {
  await Promise.allSettled([...runningServers].map((server) => server.stop()))
}

/**
 * A production server in its own process group (setsid), so that stopping it also stops next-server: our app with
 * `npm start` (scripts/start.mjs: Next inside our HTTP front), or `next start` for the bare page. SIGTERM first,
 * which our instrumentation turns into a clean shutdown, then SIGKILL.
 */
export async function startNext(
  name: string,
  env: Record<string, string>,
  options: { dir?: string; readyPath: string; port?: number; isNpmStart?: boolean },
): Promise<TNextServer> {
  const port = options.port ?? (await freePort())
  const file = logFile(name)
  const out = createWriteStream(file)
  await once(out, 'open')
  const dir = options.dir ?? ROOT
  // `npm start` exactly as in production (it may change how the server starts, e.g. through tsx): PORT sets the port
  const [command, ...args] = options.isNpmStart
    ? ['npm', 'start', '--silent']
    : [process.execPath, nextBinOf(dir), 'start', '-p', String(port), '-H', '127.0.0.1']
  const child: ChildProcess = spawn(command!, args, {
    cwd: dir,
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_MANUAL_SIG_HANDLE: 'true', NODE_ENV: 'production', PORT: String(port), ...env },
    stdio: ['ignore', out, out],
  })
  const url = `http://127.0.0.1:${port}`
  const exited = once(child, 'exit')
  const stop = async () => {
    runningServers.delete(server)
    if (child.exitCode !== null || child.signalCode !== null) return
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal)
      } catch {
        // already gone
      }
    }
    kill('SIGTERM')
    const timer = setTimeout(() => kill('SIGKILL'), 8_000)
    await exited
    clearTimeout(timer)
    out.close()
  }
  const server: TNextServer = { url, port, logFile: file, stop }
  runningServers.add(server)
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name}: next start exited (${child.exitCode}): see ${file}`)
    try {
      const response = await fetch(`${url}${options.readyPath}`, { redirect: 'manual', signal: AbortSignal.timeout(5_000) })
      if (response.status < 500) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`${name}: not ready after 90 s: see ${file}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return server
}
