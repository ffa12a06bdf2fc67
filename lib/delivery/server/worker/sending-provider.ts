import 'server-only'
import { env } from '@/lib/env'
import { getProviderForSending } from '@/lib/email-provider/server/store'
import { transportConfigOf } from '@/lib/email-provider/server/smtp-settings'
import { orgTransportKey } from '@/lib/mail/server/transport-cache'
import type { TTransportConfig } from '@/lib/mail/server/transports'
import type { TMailbox } from '@/lib/mail/types'
import { presetLabelOf } from '@/lib/email-provider/presets'
import { parseMailbox, parseSmtpUrl } from './default-provider'
import { assertDefaultQuota } from './default-quota'

export type TMailProvider = {
  kind: 'custom' | 'default'
  /** shown in Recent deliveries */
  label: string
  cacheKey: string
  /** the sending method and what it needs (transports/) */
  transport: TTransportConfig
  from: { name: string; address: string }
  replyTo?: TMailbox
  allowPrivateHosts: boolean
  /** the organization opted in to the default provider when its own server fails */
  useDefaultOnFailure?: boolean
}

export type TSendingProvider = TMailProvider | { kind: 'capture'; label: string }

export const CAPTURE_LABEL = 'captured (no default provider configured)'
export const FALLBACK_LABEL = 'default provider (fallback)'

/** The provider an organization's email goes through right now: its custom one, else the platform default, else capture. */
export async function sendingProviderFor(orgId: string): Promise<TSendingProvider> {
  const custom = await getProviderForSending(orgId)
  if (custom?.secretsError) throw new Error(`the saved secrets do not open: ${custom.secretsError}`)
  if (custom) {
    return {
      kind: 'custom',
      label: custom.sendingMethod === 'api' ? `custom (${presetLabelOf(custom.preset)} API)` : `custom (${custom.host}:${custom.port})`,
      cacheKey: orgTransportKey(orgId),
      transport: transportConfigOf(custom, custom.secrets, orgTransportKey(orgId)),
      from: { name: custom.displayName ?? '', address: custom.fromAddress },
      replyTo: custom.replyTo ? { address: custom.replyTo } : undefined,
      allowPrivateHosts: env.SMTP_ALLOW_PRIVATE_HOSTS,
      useDefaultOnFailure: custom.useDefaultOnFailure,
    }
  }
  // org users' emails through the platform: 50 a day until the organization has a verified owner (default-quota.ts)
  if (env.DEFAULT_SMTP_URL) await assertDefaultQuota(orgId)
  return defaultProvider()
}

/** The default provider standing in for an organization's failing server (opt-in), labelled as such. */
export function fallbackProvider(): TSendingProvider {
  return { ...defaultProvider(), label: FALLBACK_LABEL }
}

/** The platform's default provider, or capture when none is configured. */
export function defaultProvider(): TSendingProvider {
  if (!env.DEFAULT_SMTP_URL) return { kind: 'capture', label: CAPTURE_LABEL }
  const platform = parseSmtpUrl(env.DEFAULT_SMTP_URL)
  return {
    kind: 'default',
    label: platform.label,
    cacheKey: 'default',
    transport: { method: 'smtp', settings: platform.settings, tuning: { isPlatformDefault: true } },
    from: parseMailbox(env.DEFAULT_MAIL_FROM),
    // operator configuration, not user input: the SSRF guard is for organizations' hosts
    allowPrivateHosts: true,
  }
}
