import 'server-only'
import { env } from '@/lib/env'

/** The services reached over an HTTP API, and their official base URLs (fixed: the admin never types a host). */
export const API_BASE_URLS = {
  // https://postmarkapp.com/developer/api/overview#endpoint-url
  postmark: 'https://api.postmarkapp.com',
} as const

export type TApiService = keyof typeof API_BASE_URLS

/** The service's base URL: the official one, or MAIL_API_BASE_URLS's (only with SMTP_ALLOW_PRIVATE_HOSTS=true: fakes). */
export function apiBaseUrlOf(service: TApiService): URL {
  const override = env.SMTP_ALLOW_PRIVATE_HOSTS ? env.MAIL_API_BASE_URLS?.[service] : undefined
  return new URL(override ?? API_BASE_URLS[service])
}
