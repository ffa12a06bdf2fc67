import 'server-only'
import { presetApiOf, type TProviderPresetId } from '@/lib/email-provider/presets'
import { API_BASE_URLS } from '@/lib/mail/server/transports/http/base-url'
import type { TConnectionSecurity } from '@/lib/mail/types'

/** Where a preset's HTTP API is, as stored beside the settings: its official host, 443, TLS (the admin types none). */
export function apiEndpointOf(preset: TProviderPresetId): { host: string; port: number; security: TConnectionSecurity } {
  const api = presetApiOf(preset)
  if (!api) throw new Error(`the ${preset} preset has no HTTP API`)
  return { host: new URL(API_BASE_URLS[api.service]).hostname, port: 443, security: 'tls' }
}
