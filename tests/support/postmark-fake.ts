// An in-process HTTPS fake of Postmark's API (its certificate issued by the test CA, trusted only through
// NODE_EXTRA_CA_CERTS), answering as https://postmarkapp.com/developer/api/overview documents: the Server API token
// in X-Postmark-Server-Token, GET /server, POST /email → { To, SubmittedAt, MessageID, ErrorCode: 0, Message: 'OK' },
// errors as { ErrorCode, Message } (401 for a bad token, 422 for the rest). Every request is recorded.
import { once } from 'node:events'
import https from 'node:https'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import { loadTestCa } from './test-ca'

export const POSTMARK_TOKEN = 'pm-server-token-5f0c2d9e'

export type TPostmarkCall = { method: string; path: string; headers: IncomingHttpHeaders; json: Record<string, unknown> | null }

/** A documented answer, or 'never': the request is taken and never answered (a deadline test). */
export type TPostmarkAnswer = { status: number; json?: unknown; headers?: Record<string, string> } | 'never'

/** How the fake answers a send, when not the default (accepted): e.g. an error body. */
export type TPostmarkHandler = (call: TPostmarkCall) => TPostmarkAnswer | null

export type TPostmarkFake = {
  /** https://localhost:PORT */
  url: string
  calls: TPostmarkCall[]
  /** The sends it accepted, with the MessageID it answered. */
  accepted: { call: TPostmarkCall; messageId: string }[]
  /** Replaces how sends (and GET /server) are answered from now on; null falls back to the documented default. */
  answer(handler: TPostmarkHandler | null): void
  /** TCP connections opened so far (keep-alive keeps it at the pool's size). */
  connections(): number
  close(): Promise<void>
}

/** Postmark's error body. */
export const postmarkError = (status: number, code: number, message: string, headers?: Record<string, string>): TPostmarkAnswer => ({
  status,
  json: { ErrorCode: code, Message: message },
  headers,
})

/** Starts the fake on `port` (0: an ephemeral one) of 127.0.0.1; it accepts `token` as the Server API token. */
export async function startPostmarkFake(options: { port?: number; token?: string } = {}): Promise<TPostmarkFake> {
  const { port: listenPort = 0, token = POSTMARK_TOKEN } = options
  const calls: TPostmarkCall[] = []
  const accepted: TPostmarkFake['accepted'] = []
  let handler: TPostmarkHandler | null = null
  let connections = 0
  const server = https.createServer(loadTestCa().server, async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    let json: Record<string, unknown> | null = null
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : null
    } catch {
      json = null
    }
    const call = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, json }
    calls.push(call)
    const answer = respond(call)
    if (answer === 'never') return
    response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
    response.end(JSON.stringify(answer.json ?? {}))
  })

  const respond = (call: TPostmarkCall): Exclude<TPostmarkAnswer, 'never'> | 'never' => {
    if (call.headers['x-postmark-server-token'] !== token) {
      return postmarkError(401, 10, "Request does not contain a valid Server token. Please check that it's spelled correctly.") as { status: number }
    }
    const custom = handler?.(call)
    if (custom) return custom
    if (call.method === 'GET' && call.path === '/server') return { status: 200, json: { ID: 1, Name: 'Mailgate test server', DeliveryType: 'Live' } }
    if (call.method === 'POST' && call.path === '/email') {
      if (call.headers['content-type'] !== 'application/json' || !call.json) return postmarkError(422, 402, 'Invalid JSON') as { status: number }
      const messageId = randomUUID()
      accepted.push({ call, messageId })
      return { status: 200, json: { To: call.json.To, SubmittedAt: new Date().toISOString(), MessageID: messageId, ErrorCode: 0, Message: 'OK' } }
    }
    return { status: 404, json: { ErrorCode: 404, Message: 'Not found' } }
  }

  server.on('connection', () => connections++)
  server.on('tlsClientError', () => undefined)
  server.keepAliveTimeout = 30_000
  server.listen(listenPort, '127.0.0.1')
  await once(server, 'listening')
  const port = (server.address() as AddressInfo).port
  return {
    url: `https://localhost:${port}`,
    calls,
    accepted,
    answer: (next) => {
      handler = next
    },
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
