import 'server-only'
import type { OutboxKind } from '@/lib/enums'

/**
 * The platform's own emails to console admins: always through the platform default, never through the organization's
 * server, and neither held with the organization's messages nor a sign of how its server is doing.
 */
export const PLATFORM_KINDS = [
  'invitation',
  'alert',
  'admin_verify',
  'admin_signup_attempt',
  'owner_notice',
  'admin_reset',
] as const satisfies readonly OutboxKind[]

export function isPlatformEmail(kind: string): boolean {
  return (PLATFORM_KINDS as readonly string[]).includes(kind)
}

/**
 * About the console's admins (their own Mailgate account, the owners' notices of changes), not the organization's
 * email: never in its deliveries, figures or API.
 */
export const ADMIN_ACCOUNT_KINDS = ['admin_verify', 'admin_signup_attempt', 'owner_notice', 'admin_reset'] as const satisfies readonly OutboxKind[]
