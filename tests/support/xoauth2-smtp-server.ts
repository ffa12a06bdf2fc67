// An SMTP server (STARTTLS, certificate from the test CA) that accepts only XOAUTH2, checking each access token with
// the test. Refusals can be shaped like Google's (the XOAUTH2 error challenge, 334) or Microsoft's (535 at once).
import { EventEmitter, once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { waitFor, type TReceivedMail } from './smtp-server'
import { loadTestCa } from './test-ca'

/** An SMTP error reply the server answers with. */
export type TSmtpReply = { code: number; text: string }

export type TXOAuth2ServerOptions = {
  /** Whether this token is valid for this user right now. */
  isValid(accessToken: string, username: string): boolean
  /** How a refused token is answered: the XOAUTH2 error challenge (Google) or 535 at once (Microsoft). */
  refusal?: 'challenge' | TSmtpReply
  /** Refuses MAIL FROM with this reply. */
  mailFromError?: TSmtpReply
}

export type TXOAuth2Server = {
  host: '127.0.0.1'
  port: number
  received: TReceivedMail[]
  /** Every XOAUTH2 attempt: the user and the token presented. */
  attempts: { username: string; accessToken: string }[]
  waitForMessages(count: number, timeoutMs?: number): Promise<TReceivedMail[]>
  close(): Promise<void>
}

function replyError(reply: TSmtpReply): Error {
  return Object.assign(new Error(reply.text), { responseCode: reply.code })
}

/** Starts the server on an ephemeral port of 127.0.0.1. */
export async function startXOAuth2Server(options: TXOAuth2ServerOptions): Promise<TXOAuth2Server> {
  const ca = loadTestCa()
  const received: TReceivedMail[] = []
  const attempts: TXOAuth2Server['attempts'] = []
  const arrivals = new EventEmitter()
  const server = new SMTPServer({
    name: 'mx.example.test',
    key: ca.server.key,
    cert: ca.server.cert,
    authMethods: ['XOAUTH2'],
    authOptional: false,
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const accessToken = auth.accessToken ?? ''
      attempts.push({ username: auth.username ?? '', accessToken })
      if (auth.method === 'XOAUTH2' && options.isValid(accessToken, auth.username ?? '')) return callback(null, { user: auth.username })
      const refusal = options.refusal ?? 'challenge'
      if (refusal === 'challenge') return callback(null, { data: { status: '401', schemes: 'bearer', scope: 'https://mail.google.com/' } })
      callback(replyError(refusal))
    },
    onMailFrom(_address, _session, callback) {
      callback(options.mailFromError ? replyError(options.mailFromError) : null)
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          received.push({
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
            secure: session.secure,
            user: typeof session.user === 'string' ? session.user : null,
            parsed,
            raw: Buffer.alloc(0),
          })
          arrivals.emit('message')
          callback(null, `2.0.0 Ok: queued as OAUTH${received.length}`)
        },
        (error: Error) => callback(error),
      )
    },
  })
  server.on('error', () => undefined)
  server.listen(0, '127.0.0.1')
  await once(server.server, 'listening')
  const port = (server.server.address() as AddressInfo).port
  return {
    host: '127.0.0.1',
    port,
    received,
    attempts,
    waitForMessages: (count, timeoutMs = 10_000) =>
      waitFor(() => received.length >= count, arrivals, 'message', timeoutMs, `${count} message(s) on port ${port}`).then(() => received),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
