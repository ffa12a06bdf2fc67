// GET /api/metrics with METRICS_TOKEN set: 401 without the token (or with a wrong one), Prometheus text with it.
// (Without METRICS_TOKEN the route answers 404: see the unset case below, in a fresh module graph.)
import { afterAll, describe, expect, it, vi } from 'vitest'
import { closeDatabase } from '@/lib/server/db'

const TOKEN = 'metrics-token-for-the-test-0123456789'
afterAll(() => closeDatabase())

async function route(token: string | undefined) {
  vi.resetModules()
  if (token) vi.stubEnv('METRICS_TOKEN', token)
  else vi.stubEnv('METRICS_TOKEN', '')
  return (await import('@/app/api/metrics/route')).GET
}

describe('GET /api/metrics', () => {
  it('is 404 while METRICS_TOKEN is unset', async () => {
    const GET = await route(undefined)
    expect((await GET(new Request('http://localhost/api/metrics'))).status).toBe(404)
  })

  it('asks for the bearer token, and answers Prometheus text with it', async () => {
    const GET = await route(TOKEN)
    expect((await GET(new Request('http://localhost/api/metrics'))).status).toBe(401)
    expect((await GET(new Request('http://localhost/api/metrics', { headers: { authorization: 'Bearer wrong' } }))).status).toBe(401)
    const response = await GET(new Request('http://localhost/api/metrics', { headers: { authorization: `Bearer ${TOKEN}` } }))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/plain')
    expect(await response.text()).toMatch(/^# TYPE email_deliveries_total counter$/m)
    vi.unstubAllEnvs()
  })
})
