import { readiness } from '@/lib/server/health'

// Readiness: 200 when the database answers, migrations are applied and the delivery worker runs; 503 otherwise
// (also from SIGTERM on, so a load balancer stops sending traffic before the process exits).
export const dynamic = 'force-dynamic'

export async function GET() {
  const { isReady, checks } = await readiness()
  return Response.json({ status: isReady ? 'ready' : 'not ready', ...checks }, { status: isReady ? 200 : 503, headers: { 'cache-control': 'no-store' } })
}
