// A local OAuth 2.0 token endpoint over HTTPS, its certificate issued by the test CA (trusted only
// through NODE_EXTRA_CA_CERTS). Each test says how it answers; every request is recorded.
import { once } from 'node:events'
import https from 'node:https'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { loadTestCa, type TKeyPair } from './test-ca'

export type TTokenCall = { path: string; headers: IncomingHttpHeaders; params: URLSearchParams }

/** JSON (the usual), a raw body, or 'never' to accept the request and stay silent. */
export type TTokenAnswer = { status?: number; json?: unknown; body?: string; contentType?: string } | 'never'

export type TTokenHandler = (call: TTokenCall) => TTokenAnswer | Promise<TTokenAnswer>

export type TTokenEndpoint = {
  /** https://localhost:PORT/tenant-1/oauth2/v2.0/token */
  url: string
  port: number
  calls: TTokenCall[]
  /** Replaces how the endpoint answers from now on. */
  answer(handler: TTokenHandler): void
  close(): Promise<void>
}

/** The answer of a token endpoint that issues `accessToken` for `expiresIn` seconds. */
export function tokenAnswer(accessToken: string, expiresIn = 3599): TTokenAnswer {
  return { json: { token_type: 'Bearer', expires_in: expiresIn, access_token: accessToken } }
}

/** Starts the endpoint on an ephemeral port of 127.0.0.1 (by default with the CA's localhost certificate). */
export async function startTokenEndpoint(handler: TTokenHandler, keyPair: TKeyPair = loadTestCa().server): Promise<TTokenEndpoint> {
  const calls: TTokenCall[] = []
  let current = handler
  const server = https.createServer(keyPair, async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const call = { path: request.url ?? '', headers: request.headers, params: new URLSearchParams(Buffer.concat(chunks).toString('utf8')) }
    calls.push(call)
    const answer = await current(call)
    if (answer === 'never') return
    const body = answer.body ?? JSON.stringify(answer.json ?? {})
    response.writeHead(answer.status ?? 200, { 'content-type': answer.contentType ?? 'application/json', 'cache-control': 'no-store' })
    response.end(body)
  })
  // handshakes the client refuses (untrusted certificate) end up here
  server.on('tlsClientError', () => undefined)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const port = (server.address() as AddressInfo).port
  return {
    url: `https://localhost:${port}/tenant-1/oauth2/v2.0/token`,
    port,
    calls,
    answer: (next) => {
      current = next
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        // also the requests left unanswered on purpose
        server.closeAllConnections()
      }),
  }
}
