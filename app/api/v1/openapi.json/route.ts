import { getOpenApiDocument } from '@/lib/management-api/server/openapi'

export const GET = getOpenApiDocument

// reads the request (or the environment) at run time: never prerendered at build
export const dynamic = 'force-dynamic'
