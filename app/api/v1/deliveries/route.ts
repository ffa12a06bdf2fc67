import { getDeliveries } from '@/lib/management-api/server/deliveries'

export const GET = getDeliveries

// reads the request (or the environment) at run time: never prerendered at build
export const dynamic = 'force-dynamic'
