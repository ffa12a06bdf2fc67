import 'server-only'
import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import tls from 'node:tls'
import { resolveSmtpHost, type TResolvedHost } from '@/lib/server/net/resolve-smtp-host'

// HTTPS to a service's API through the SSRF guard: the host is resolved once and checked, every socket dials that
// address (no second lookup can rebind), the host name stays for SNI, the certificate check and the Host header.
// Certificates are always verified (trust: the system store plus NODE_EXTRA_CA_CERTS). http: only for local fakes,
// which the caller allows only with SMTP_ALLOW_PRIVATE_HOSTS=true.

export type TApiRequest = { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }
export type TApiAnswer = { status: number; headers: Headers; body: string }

/** Every failure before an answer is reported within this: connect, TLS and each silence between bytes. */
export const API_SOCKET_TIMEOUT_MS = 10_000
const MAX_BODY_BYTES = 256 * 1024
/** Connections of one organization's pool: like the SMTP pool, at most five sends at once. */
export const API_POOL_SOCKETS = 5

/** A failure on the way to an answer, at the step it happened (resolve, or connect: TCP and TLS). */
export class ApiNetworkError extends Error {
  constructor(
    readonly step: 'resolve' | 'connect',
    message: string,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'ApiNetworkError'
  }
}

/** One service's base URL resolved through the guard, with an agent that only dials the checked address. */
export type TApiConnection = { baseUrl: URL; target: TResolvedHost; agent: http.Agent; request(request: TApiRequest): Promise<TApiAnswer> }

/** Resolves and checks the base URL's host (the Resolve step). */
export async function resolveApiHost(baseUrl: URL, options: { allowPrivateHosts: boolean; timeoutMs?: number }): Promise<TResolvedHost> {
  if (baseUrl.protocol !== 'https:' && !(options.allowPrivateHosts && baseUrl.protocol === 'http:')) {
    throw new ApiNetworkError('resolve', `Refusing ${baseUrl.protocol} for an email API: only https is used`, 'EPROTOCOL')
  }
  try {
    return await resolveSmtpHost(baseUrl.hostname.replace(/^\[|\]$/g, ''), {
      allowPrivateHosts: options.allowPrivateHosts,
      timeoutMs: options.timeoutMs ?? 5_000,
    })
  } catch (error) {
    throw new ApiNetworkError('resolve', error instanceof Error ? error.message : String(error), (error as { reason?: string }).reason, { cause: error })
  }
}

/** A keep-alive connection pool to the checked address (`sockets` at most), or over the one socket given. */
export function apiConnection(baseUrl: URL, target: TResolvedHost, options: { sockets?: number; socket?: tls.TLSSocket } = {}): TApiConnection {
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address: target.address, family: target.family }])
    else callback(null, target.address, target.family)
  }
  const isHttps = baseUrl.protocol === 'https:'
  const agentOptions = { keepAlive: true, maxSockets: options.sockets ?? API_POOL_SOCKETS, lookup, timeout: API_SOCKET_TIMEOUT_MS }
  const agent = isHttps ? new https.Agent({ ...agentOptions, rejectUnauthorized: true }) : new http.Agent(agentOptions)
  // the test email's connection: its first request goes over the socket the Connect step opened and checked
  let handshaken = options.socket
  if (handshaken) {
    const createConnection = agent.createConnection.bind(agent) as (...args: unknown[]) => unknown
    ;(agent as unknown as { createConnection: (...args: unknown[]) => unknown }).createConnection = (...args: unknown[]) => {
      const socket = handshaken
      handshaken = undefined
      return socket && !socket.destroyed ? socket : createConnection(...args)
    }
  }
  return { baseUrl, target, agent, request: (request) => send(baseUrl, target, agent, request) }
}

/** Opens a TLS connection to the checked address and verifies its certificate (the test email's Connect step). */
export function connectTls(baseUrl: URL, target: TResolvedHost, signal?: AbortSignal): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: target.address,
      port: Number(baseUrl.port || 443),
      ...(target.servername ? { servername: target.servername } : {}),
      rejectUnauthorized: true,
      ALPNProtocols: ['http/1.1'],
    })
    const fail = (error: Error) => {
      socket.destroy()
      reject(connectError(error))
    }
    socket.setTimeout(API_SOCKET_TIMEOUT_MS, () => fail(Object.assign(new Error('The connection timed out'), { code: 'ETIMEDOUT' })))
    signal?.addEventListener('abort', () => socket.destroy(), { once: true })
    socket.once('secureConnect', () => {
      socket.setTimeout(0)
      socket.removeAllListeners('error')
      resolve(socket)
    })
    socket.once('error', fail)
  })
}

function send(baseUrl: URL, target: TResolvedHost, agent: http.Agent, request: TApiRequest): Promise<TApiAnswer> {
  const url = new URL(request.path, baseUrl)
  const transport = url.protocol === 'https:' ? https : http
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers }
  if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body))
  return new Promise<TApiAnswer>((resolve, reject) => {
    const outgoing = transport.request(
      {
        method: request.method,
        // an IP literal needs no lookup; a name keeps its spelling for SNI and the certificate check
        hostname: target.servername ?? target.address,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        headers,
        agent,
        timeout: API_SOCKET_TIMEOUT_MS,
        signal: request.signal,
      },
      (response) => {
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > MAX_BODY_BYTES) {
            outgoing.destroy(new Error(`The answer exceeds ${MAX_BODY_BYTES} bytes`))
            return
          }
          chunks.push(chunk)
        })
        response.on('error', (error) => reject(error))
        response.on('end', () => {
          const answerHeaders = new Headers()
          for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) answerHeaders.append(response.rawHeaders[i], response.rawHeaders[i + 1])
          resolve({ status: response.statusCode ?? 0, headers: answerHeaders, body: Buffer.concat(chunks).toString('utf8') })
        })
      },
    )
    outgoing.on('timeout', () => outgoing.destroy(Object.assign(new Error('The service did not answer in time'), { code: 'ETIMEDOUT' })))
    outgoing.on('error', (error) => reject(request.signal?.aborted ? request.signal.reason : connectError(error)))
    outgoing.end(request.body)
  })
}

// Errors before an answer: a refused or silent port, a reset, TLS and certificate problems.
function connectError(error: Error): ApiNetworkError {
  if (error instanceof ApiNetworkError) return error
  return new ApiNetworkError('connect', error.message, (error as { code?: string }).code, { cause: error })
}
