// In-process SMTP servers on ephemeral ports of 127.0.0.1, one per failure mode the mail library
// must recognise. Received mail is parsed with mailparser and kept with its envelope and session.
import { EventEmitter, once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'
import { loadTestCa } from './test-ca'

export const TEST_USER = { username: 'mailer@example.test', password: 'correct horse "battery" staple' } as const

export type TSmtpFixtureKind =
  'starttls-auth' | 'implicit-tls' | 'requires-auth' | 'reject-sender' | 'reject-recipient' | 'untrusted-cert' | 'wrong-name-cert' | 'no-starttls'

export type TReceivedMail = {
  mailFrom: string
  rcptTo: string[]
  secure: boolean
  user: string | null
  parsed: ParsedMail
  raw: Buffer
}

export type TTestSmtpServer = {
  host: '127.0.0.1'
  port: number
  received: TReceivedMail[]
  /** Resolves once `count` messages have arrived (event-based), rejects after `timeoutMs`. */
  waitForMessages(count: number, timeoutMs?: number): Promise<TReceivedMail[]>
  /** Changes how long each DATA reply is held from now on (a server that turns slow, then fast again). */
  setAcceptDelay(ms: number): void
  close(): Promise<void>
}

const SENDER_REJECTED = { code: 553, text: '5.7.1 Sender address rejected: not owned by user' }
const RECIPIENT_REJECTED = { code: 550, text: '5.1.1 Recipient address rejected: User unknown in virtual mailbox table' }

function smtpError(reply: { code: number; text: string }): Error {
  return Object.assign(new Error(reply.text), { responseCode: reply.code })
}

type TCredentials = { username: string; password: string }

function optionsFor(kind: TSmtpFixtureKind, credentials: TCredentials): SMTPServerOptions {
  const ca = loadTestCa()
  const keyPair = kind === 'untrusted-cert' ? ca.untrusted : kind === 'wrong-name-cert' ? ca.wrongName : ca.server
  return {
    name: 'mx.example.test',
    key: keyPair.key,
    cert: keyPair.cert,
    secure: kind === 'implicit-tls',
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: kind !== 'requires-auth',
    disabledCommands: kind === 'no-starttls' ? ['STARTTLS'] : [],
    allowInsecureAuth: kind === 'no-starttls',
    size: 10 * 1024 * 1024,
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const valid = auth.username === credentials.username && auth.password === credentials.password
      if (valid) return callback(null, { user: auth.username })
      callback(smtpError({ code: 535, text: '5.7.8 Authentication credentials invalid' }))
    },
    onMailFrom(_address, _session, callback) {
      callback(kind === 'reject-sender' ? smtpError(SENDER_REJECTED) : null)
    },
    onRcptTo(_address, _session, callback) {
      callback(kind === 'reject-recipient' ? smtpError(RECIPIENT_REJECTED) : null)
    },
  }
}

/** Starts an SMTP server of the given kind on an ephemeral port of 127.0.0.1. */
/** `acceptDelayMs` holds each DATA reply that long: a slow server, so a test can act while deliveries are in flight. */
export async function startSmtpServer(kind: TSmtpFixtureKind, credentials: TCredentials = TEST_USER, port = 0, acceptDelayMs = 0): Promise<TTestSmtpServer> {
  const received: TReceivedMail[] = []
  const arrivals = new EventEmitter()
  let acceptDelay = acceptDelayMs
  const server = new SMTPServer({
    ...optionsFor(kind, credentials),
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        const { mailFrom, rcptTo } = session.envelope
        simpleParser(raw).then(
          (parsed) => {
            received.push({
              mailFrom: mailFrom ? mailFrom.address : '',
              rcptTo: rcptTo.map((recipient) => recipient.address),
              secure: session.secure,
              user: typeof session.user === 'string' ? session.user : null,
              parsed,
              raw,
            })
            arrivals.emit('message')
            const reply = `2.0.0 Ok: queued as TEST${received.length}`
            if (acceptDelay > 0) setTimeout(() => callback(null, reply), acceptDelay)
            else callback(null, reply)
          },
          (error: Error) => callback(error),
        )
      })
    },
  })
  server.on('error', () => undefined)
  server.listen(port, '127.0.0.1')
  await once(server.server, 'listening')
  const boundPort = (server.server.address() as AddressInfo).port

  return {
    host: '127.0.0.1',
    port: boundPort,
    received,
    waitForMessages: (count, timeoutMs = 10_000) =>
      waitFor(() => received.length >= count, arrivals, 'message', timeoutMs, `${count} message(s) on port ${boundPort}`).then(() => received),
    setAcceptDelay: (ms) => {
      acceptDelay = ms
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Waits until `isDone()` holds, re-checking on each `event`; fails after `timeoutMs`. */
export function waitFor(isDone: () => boolean, emitter: EventEmitter, event: string, timeoutMs: number, what: string): Promise<void> {
  if (isDone()) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!isDone()) return
      cleanup()
      resolve()
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`))
    }, timeoutMs)
    const cleanup = () => {
      clearTimeout(timer)
      emitter.off(event, check)
    }
    emitter.on(event, check)
  })
}

/** A port nothing listens on (connection refused): one a server just had and closed. */
export async function refusedPort(): Promise<number> {
  const probe = await startSmtpServer('starttls-auth')
  await probe.close()
  return probe.port
}
