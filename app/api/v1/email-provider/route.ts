import { deleteEmailProvider, getEmailProvider, putEmailProvider } from '@/lib/management-api/server/email-provider'

export const GET = getEmailProvider
export const PUT = putEmailProvider
export const DELETE = deleteEmailProvider

// reads the request (or the environment) at run time: never prerendered at build
export const dynamic = 'force-dynamic'
