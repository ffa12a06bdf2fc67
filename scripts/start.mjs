#!/usr/bin/env node
// `npm start`: builds the production app when it is missing or older than the sources, then serves it on $PORT.
// Next runs inside our own HTTP server so that the client address comes from the socket: a client cannot pick
// its own rate-limit bucket with a forged X-Forwarded-For. Behind N trusted reverse proxies set TRUSTED_PROXY_HOPS=N.
// (This launcher runs before the app's lib/env.ts can load, so it reads its two settings itself.)
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { clientAddress } from './client-address.mjs'

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

function positiveInteger(name, fallback, max) {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0 || value > max) {
    console.error(`Invalid configuration:\n  ${name}: must be a whole number from 0 to ${max} (got "${raw}")`)
    process.exit(1)
  }
  return value
}

const port = positiveInteger('PORT', 3000, 65535)
const trustedProxyHops = positiveInteger('TRUSTED_PROXY_HOPS', 0, 10)
process.env.NEXT_TELEMETRY_DISABLED = '1'

if (needsBuild()) {
  console.info('[start] building the production app (first run or sources changed)…')
  const nextBin = join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: process.env })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

process.env.NODE_ENV = 'production'
const { default: next } = await import('next')
const app = next({ dev: false, dir: root, port })
const handle = app.getRequestHandler()
await app.prepare()

createServer((request, response) => {
  request.headers['x-client-ip'] = clientAddress(request.headers['x-forwarded-for'], request.socket.remoteAddress, trustedProxyHops)
  handle(request, response)
}).listen(port, () => console.info(`[start] serving on http://localhost:${port}`))
