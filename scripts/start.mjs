#!/usr/bin/env node
// `npm start`: builds the production app when it is missing or older than the sources, then serves it on $PORT.
// Next runs inside our own HTTP server so that the client address comes from the socket: a client cannot pick
// its own rate-limit bucket with a forged X-Forwarded-For. Behind N trusted reverse proxies set TRUSTED_PROXY_HOPS=N.
// Run through tsx (see package.json) so that the configuration is validated by lib/env.ts before anything else.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { clientAddress } from './client-address.mjs'

// Owner-only files from the first one on: the embedded database, its WAL and the generated key live under DATA_DIR.
process.umask(0o077)

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

// Every variable of ./.env is read here, before the configuration is validated (variables already set in the
// environment win), so lib/env.ts and Next see the same values.
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'))

const { env } = await import('../lib/env.ts').catch((error) => {
  console.error(error instanceof Error ? error.message : error) // "Invalid configuration: PORT: …", no stack
  process.exit(1)
})

if (needsBuild()) {
  console.info('[start] building the production app (first run or sources changed)…')
  const nextBin = join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

// proxy.ts believes X-Client-IP only on requests marked with this process's secret (lib/server/http/front-token.ts)
const frontToken = randomBytes(32).toString('base64url')
process.env.MAILGATE_FRONT_TOKEN = frontToken

const { default: next } = await import('next')
const app = next({ dev: false, dir: root, port: env.PORT })
const handle = app.getRequestHandler()
await app.prepare()

createServer((request, response) => {
  request.headers['x-client-ip'] = clientAddress(request.headers['x-forwarded-for'], request.socket.remoteAddress, env.TRUSTED_PROXY_HOPS)
  request.headers['x-mailgate-front'] = frontToken
  handle(request, response)
}).listen(env.PORT, () => console.info(`[start] serving on http://localhost:${env.PORT}`))
