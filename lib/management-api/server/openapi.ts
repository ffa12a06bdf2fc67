import 'server-only'
import { env } from '@/lib/env'
import { buildOpenApiDocument } from '@/lib/management-api/openapi'

/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 document (public: it holds no data). */
export async function getOpenApiDocument(): Promise<Response> {
  return Response.json(buildOpenApiDocument(env.APP_URL), { headers: { 'Cache-Control': 'public, max-age=300' } })
}
