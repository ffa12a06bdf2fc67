// The SMTP sink every delivery benchmark sends to, in its own process (as a real server would be): smtp-server with
// STARTTLS and AUTH required, certificate from the test CA. It keeps only what the checks need (recipient,
// Message-ID, acceptance time), no MIME parsing, so the sink costs every sender the same little CPU.
import { SMTPServer } from 'smtp-server'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { loadTestCa } from '../../tests/support/test-ca'
import { BENCH_TOKEN_PREFIX } from './oauth'
import { TEST_USER } from '../../tests/support/smtp-server'
import { serve } from './rpc'
import { epochMs } from './child'

type TWaiter = { count: number; resolve: (at: number) => void }

let acceptedAt: number[] = []
let messageIds = new Map<string, number>()
let recipients = new Map<string, number>()
let connections = 0
let authFailures = 0
let waiters: TWaiter[] = []
let cpuAtReset = process.cpuUsage()

const HEADER_END = Buffer.from('\r\n\r\n')
// a slow server (the isolation benchmark): each message is answered this long after its data arrived
const DATA_DELAY_MS = Number(process.env.SINK_DATA_DELAY_MS ?? 0)

function record(raw: Buffer, rcptTo: string[]) {
  const end = raw.indexOf(HEADER_END)
  const headers = raw.subarray(0, end < 0 ? raw.length : end).toString('latin1')
  const messageId = /^message-id:\s*(<[^>\r\n]+>)/im.exec(headers)?.[1] ?? `(none ${acceptedAt.length})`
  messageIds.set(messageId, (messageIds.get(messageId) ?? 0) + 1)
  for (const to of rcptTo) recipients.set(to, (recipients.get(to) ?? 0) + 1)
  acceptedAt.push(epochMs())
  waiters = waiters.filter((waiter) => {
    if (acceptedAt.length < waiter.count) return true
    waiter.resolve(acceptedAt[waiter.count - 1]!)
    return false
  })
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start)
  return Math.round((used.user + used.system) / 1000)
}

const ca = loadTestCa()
const server = new SMTPServer({
  name: 'sink.example.test',
  key: ca.server.key,
  cert: ca.server.cert,
  secure: false,
  authMethods: ['PLAIN', 'LOGIN', 'XOAUTH2'],
  authOptional: false,
  allowInsecureAuth: false,
  size: 10 * 1024 * 1024,
  disableReverseLookup: true,
  logger: false,
  onConnect(_session, callback) {
    connections++
    callback()
  },
  onAuth(auth, _session, callback) {
    if (auth.username === TEST_USER.username && auth.password === TEST_USER.password) return callback(null, { user: auth.username })
    // XOAUTH2 (the OAuth 2.0 delivery run): a token the bench's token endpoint issued
    if (auth.method === 'XOAUTH2' && auth.username === TEST_USER.username && auth.accessToken?.startsWith(BENCH_TOKEN_PREFIX))
      return callback(null, { user: auth.username })
    authFailures++
    callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }))
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => {
      const accept = () => {
        record(
          Buffer.concat(chunks),
          session.envelope.rcptTo.map((recipient) => recipient.address),
        )
        callback(null, `2.0.0 Ok: queued as SINK${acceptedAt.length}`)
      }
      if (DATA_DELAY_MS > 0) setTimeout(accept, DATA_DELAY_MS)
      else accept()
    })
  },
})
server.on('error', () => undefined)
server.listen(Number(process.env.SINK_PORT ?? 0), '127.0.0.1')
await once(server.server, 'listening')

serve({
  port: () => (server.server.address() as AddressInfo).port,
  reset() {
    acceptedAt = []
    messageIds = new Map()
    recipients = new Map()
    connections = 0
    authFailures = 0
    cpuAtReset = process.cpuUsage()
  },
  /** Resolves with the acceptance time of the count-th message since the last reset. */
  waitFor: (count: number, timeoutMs: number) =>
    new Promise<number>((resolve, reject) => {
      if (acceptedAt.length >= count) return resolve(acceptedAt[count - 1]!)
      const timer = setTimeout(() => reject(new Error(`sink: ${acceptedAt.length}/${count} messages after ${timeoutMs} ms`)), timeoutMs)
      waiters.push({ count, resolve: (at) => (clearTimeout(timer), resolve(at)) })
    }),
  stats: () => ({
    received: acceptedAt.length,
    distinctMessageIds: messageIds.size,
    duplicateMessageIds: [...messageIds.values()].filter((n) => n > 1).length,
    firstAt: acceptedAt[0] ?? null,
    lastAt: acceptedAt.at(-1) ?? null,
    connections,
    authFailures,
    cpuMs: cpuMsSince(cpuAtReset),
  }),
  recipients: (prefix: string) => Object.fromEntries([...recipients].filter(([address]) => address.startsWith(prefix))),
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
