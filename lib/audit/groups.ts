// Which audit actions each page's "Recent changes" lists (client-safe).
import type { AuditAction } from '@/lib/enums'

export const EMAIL_PROVIDER_AUDIT_ACTIONS: readonly AuditAction[] = [
  'email_provider_update',
  'email_provider_revert',
  'email_provider_test',
  'delivery_retry_now',
]

/** The Email Provider page's default view: its configuration changes, without the test emails. */
export const EMAIL_PROVIDER_CHANGE_ACTIONS: readonly AuditAction[] = EMAIL_PROVIDER_AUDIT_ACTIONS.filter((action) => action !== 'email_provider_test')

export const MEMBER_AUDIT_ACTIONS: readonly AuditAction[] = [
  'member_invite',
  'member_invite_resend',
  'member_invite_revoke',
  'member_join',
  'member_role_change',
  'member_remove',
  'member_leave',
  'member_transfer',
  'admin_password_reset',
  'org_require_two_factor',
]

export const API_KEY_AUDIT_ACTIONS: readonly AuditAction[] = ['api_key_create', 'api_key_revoke', 'api_key_limit']
