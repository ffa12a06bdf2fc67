#!/usr/bin/env node
// `npm start`: builds the production app when it is missing or older than the sources, then serves it on $PORT.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const buildId = join(root, '.next', 'BUILD_ID')
const sourceDirs = ['app', 'components', 'lib', 'prisma']
const sourceFiles = ['next.config.js', 'package-lock.json', 'proxy.ts', 'instrumentation.ts', 'postcss.config.mjs']

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  if (path.endsWith('generated')) return 0
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))))
}

function needsBuild() {
  if (!existsSync(buildId)) return true
  const builtAt = statSync(buildId).mtimeMs
  return [...sourceDirs, ...sourceFiles].some((name) => newestMtime(join(root, name)) > builtAt)
}

const nextBin = join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }

if (needsBuild()) {
  console.info('[start] building the production app (first run or sources changed)…')
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: childEnv })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

// Our instrumentation closes the database on SIGTERM/SIGINT, so Next must not exit first.
const server = spawn(process.execPath, [nextBin, 'start', '-p', process.env.PORT || '3000'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...childEnv, NEXT_MANUAL_SIG_HANDLE: 'true' },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
