import { getOpenApiDocument } from '@/lib/api-keys/server/http/openapi'

export const GET = getOpenApiDocument

// reads the request (or the environment) at run time: never prerendered at build
export const dynamic = 'force-dynamic'
