import { timingSafeEqual } from 'node:crypto'
import { env } from '@/lib/env'
import { collectOutboxGauges } from '@/lib/delivery/server/outbox/outbox-gauges'
import { getMetrics } from '@/lib/server/metrics'

// Prometheus text format, only with METRICS_TOKEN set (404 otherwise) and then only for `Authorization: Bearer <token>`.
export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  if (!env.METRICS_TOKEN) return new Response('Not found', { status: 404 })
  if (!isAuthorized(request.headers.get('authorization'), env.METRICS_TOKEN)) {
    return new Response('Unauthorized', { status: 401, headers: { 'www-authenticate': 'Bearer realm="metrics"' } })
  }
  const { registry } = getMetrics()
  await collectOutboxGauges().catch(() => undefined)
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } })
}

function isAuthorized(header: string | null, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : '')
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
