import 'server-only'
import { env } from '@/lib/env'

/** No platform mail service is set up (DEFAULT_SMTP_URL): emails that would use it are captured, not sent. */
export function isPlatformMailCaptured(): boolean {
  return !env.DEFAULT_SMTP_URL
}
