import { getDeliveries } from '@/lib/api-keys/server/http/deliveries'

export const GET = getDeliveries

// reads the request (or the environment) at run time: never prerendered at build
export const dynamic = 'force-dynamic'
