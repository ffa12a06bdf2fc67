import 'server-only'
import { ZDeliveriesQuery } from '@/lib/management-api/api-schema'
import { listDeliveriesPage } from '@/lib/delivery/server/outbox/deliveries'
import { withApiKey } from './guard'
import { invalidFields, issuesToErrors } from './problem'

const DEFAULT_LIMIT = 20

/** GET /api/v1/deliveries?status=&limit=&cursor=: Recent deliveries, newest first, paged by cursor. */
export const getDeliveries = withApiKey('read', async (caller, request) => {
  const params = new URL(request.url).searchParams
  const query = Object.fromEntries(['status', 'limit', 'cursor'].filter((name) => params.has(name)).map((name) => [name, params.get(name)]))
  const parsed = ZDeliveriesQuery.safeParse(query)
  if (!parsed.success) return invalidFields(issuesToErrors(parsed.error.issues))
  const { status, limit, cursor } = parsed.data
  const page = await listDeliveriesPage(caller.org.id, { status, limit: limit ? Number(limit) : DEFAULT_LIMIT, cursor })
  if (!page.ok) return invalidFields({ cursor: 'cursor is not one this API gave: use the nextCursor of the previous page' })
  return Response.json({ deliveries: page.deliveries, nextCursor: page.nextCursor })
})
