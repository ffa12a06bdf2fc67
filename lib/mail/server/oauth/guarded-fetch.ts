import 'server-only'
import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import { resolveSmtpHost } from '@/lib/server/net/resolve-smtp-host'

// A fetch for oauth4webapi's [customFetch] that dials only addresses the SSRF guard checked: the
// host is resolved once, the socket's lookup returns that address (no second lookup can rebind),
// and the URL's host name stays in place for SNI, the certificate check and the Host header.

export type TGuardedFetchOptions = {
  allowPrivateHosts?: boolean
  /** For the DNS lookup; the whole request is bounded by the caller's signal. */
  timeoutMs?: number
  maxBodyBytes?: number
}

export type TFetch = (url: string, init?: RequestInit) => Promise<Response>

const MAX_BODY_BYTES = 64 * 1024
const NO_BODY_STATUS = new Set([101, 204, 205, 304])

/** An answer larger than the limit; the rest of it is never read. */
export class ResponseTooLargeError extends Error {
  readonly code = 'ERESPONSETOOLARGE'
  constructor(readonly limit: number) {
    super(`The response body exceeds ${limit} bytes`)
    this.name = 'ResponseTooLargeError'
  }
}

/** A fetch that resolves the host through the SSRF guard and dials the checked address. */
export function guardedFetch(options: TGuardedFetchOptions = {}): TFetch {
  const { allowPrivateHosts = false, timeoutMs, maxBodyBytes = MAX_BODY_BYTES } = options
  return async (input, init = {}) => {
    const url = new URL(input)
    if (url.protocol !== 'https:' && !(allowPrivateHosts && url.protocol === 'http:')) {
      throw new TypeError(`Refusing a ${url.protocol} URL: only https: is allowed`)
    }
    init.signal?.throwIfAborted()
    const resolved = await resolveSmtpHost(url.hostname, { allowPrivateHosts, timeoutMs })
    init.signal?.throwIfAborted()
    const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
      if (lookupOptions.all) callback(null, [{ address: resolved.address, family: resolved.family }])
      else callback(null, resolved.address, resolved.family)
    }
    const body = init.body === undefined || init.body === null ? undefined : String(init.body)
    const headers = new Headers(init.headers)
    if (body !== undefined) headers.set('content-length', String(Buffer.byteLength(body)))
    const transport = url.protocol === 'https:' ? https : http
    return new Promise<Response>((resolve, reject) => {
      const request = transport.request(
        {
          method: init.method ?? 'GET',
          // an IP literal needs no lookup; a name keeps its spelling for SNI and the certificate check
          hostname: resolved.servername ?? resolved.address,
          port: url.port || undefined,
          path: `${url.pathname}${url.search}`,
          headers: Object.fromEntries(headers.entries()),
          lookup,
          // one connection per request: a pooled socket could outlive the checked address
          agent: false,
          signal: init.signal ?? undefined,
        },
        (response) => {
          const chunks: Buffer[] = []
          let size = 0
          response.on('data', (chunk: Buffer) => {
            size += chunk.length
            if (size > maxBodyBytes) {
              reject(new ResponseTooLargeError(maxBodyBytes))
              request.destroy()
              return
            }
            chunks.push(chunk)
          })
          response.on('error', reject)
          response.on('end', () => {
            const status = response.statusCode ?? 0
            if (status < 200 || status > 599) return reject(new TypeError(`Unexpected HTTP status ${status}`))
            const answerHeaders = new Headers()
            for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) answerHeaders.append(response.rawHeaders[i], response.rawHeaders[i + 1])
            const answerBody = NO_BODY_STATUS.has(status) ? null : Buffer.concat(chunks)
            resolve(new Response(answerBody, { status, statusText: response.statusMessage, headers: answerHeaders }))
          })
        },
      )
      request.on('error', (error) => reject(init.signal?.aborted ? init.signal.reason : error))
      request.end(body)
    })
  }
}
