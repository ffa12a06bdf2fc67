import { postTestEmail } from '@/lib/api-keys/server/http/test-email'

export const POST = postTestEmail
