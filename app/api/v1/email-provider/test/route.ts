import { postTestEmail } from '@/lib/management-api/server/test-email'

export const POST = postTestEmail
