import 'server-only'
import { randomUUID } from 'node:crypto'
import { consumeRateLimit } from '@/lib/server/rate-limit'
import { authenticateApiKey, type TApiCaller } from '@/lib/api-keys/server/authenticate'
import { problem } from './problem'
import { getLogger } from '@/lib/server/logger'

type TNeed = 'read' | 'write'
type THandler = (caller: TApiCaller, request: Request) => Promise<Response>

/**
 * One Management API endpoint: the Bearer key authenticates (never a cookie), its organization is the one acted on,
 * each key is rate-limited (`RateLimit-*` headers), read-only keys may only read, and nothing unexpected leaks as
 * more than a reference id.
 */
export function withApiKey(need: TNeed, handler: THandler): (request: Request) => Promise<Response> {
  return async (request) => {
    const response = await guarded(need, handler, request)
    response.headers.set('Cache-Control', 'no-store')
    return response
  }
}

async function guarded(need: TNeed, handler: THandler, request: Request): Promise<Response> {
  try {
    const caller = await authenticateApiKey(request.headers.get('authorization'))
    if (!caller) {
      return problem(401, {
        detail: 'Send a valid, unrevoked API key of the organization: Authorization: Bearer mg_live_…',
        code: 'invalid-key',
        headers: { 'WWW-Authenticate': 'Bearer realm="mailgate", error="invalid_token"' },
      })
    }
    const limit = await consumeRateLimit('api-key', caller.keyId)
    const headers = {
      'RateLimit-Limit': String(limit.limit),
      'RateLimit-Remaining': String(limit.remaining),
      'RateLimit-Reset': String(limit.resetSeconds),
    }
    const response = !limit.ok
      ? problem(429, {
          detail: `This key made ${limit.limit} requests in a minute. Retry after ${limit.resetSeconds} seconds.`,
          code: 'rate-limited',
          headers: { 'Retry-After': String(limit.resetSeconds) },
        })
      : need === 'write' && caller.access !== 'read_write'
        ? problem(403, { detail: 'This API key is read only: create a key with Read and write access to make changes.', code: 'read-only-key' })
        : await handler(caller, request)
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
    return response
  } catch (error) {
    // never the request or its body: they may hold a secret
    const reference = randomUUID()
    getLogger().error(
      {
        reference,
        requestId: request.headers.get('x-request-id'),
        method: request.method,
        path: new URL(request.url).pathname,
        error: error instanceof Error ? error.stack : String(error),
      },
      'Management API error',
    )
    return problem(500, { detail: `Something went wrong on our side. Reference: ${reference}`, code: 'internal' })
  }
}
