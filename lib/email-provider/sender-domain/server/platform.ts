import 'server-only'
import { env } from '@/lib/env'
import { domainOfAddress } from '../records'

/** The domain the platform's default provider sends from (DEFAULT_MAIL_FROM), shown as managed by the platform. */
export function platformSenderDomain(): string | null {
  return domainOfAddress(env.DEFAULT_MAIL_FROM)
}
