// The words admins read for each Members failure code: services return codes, actions turn them into these.
import type { TActionFailure } from '@/lib/forms/action-result'
import type { TDomainFailure } from '@/lib/forms/domain-result'

export type TMembersFailureCode =
  | 'forbidden'
  | 'already-member'
  | 'already-invited'
  | 'not-found'
  | 'last-owner'
  | 'self'
  | 'invalid-link'
  | 'expired'
  | 'used'
  | 'wrong-address'
  | 'account-exists'
  | 'password-too-short'
  | 'two-factor-first'

export const MEMBERS_MESSAGES: Record<TMembersFailureCode, string> = {
  forbidden: 'Your role does not allow this. Ask an owner of the organization.',
  'already-member': 'This person is already a member of the organization.',
  'already-invited': 'An invitation to this address is already pending. Resend it from the list instead.',
  'not-found': 'This member or invitation no longer exists. Reload the page to see the current list.',
  'last-owner': 'The organization needs an owner: transfer ownership to another member first.',
  self: 'Choose another member: you cannot do this to yourself here.',
  'invalid-link': 'This invitation link is not valid. Ask for a new invitation.',
  expired: 'This invitation has expired (invitations last 7 days). Ask for a new one.',
  used: 'This invitation has already been used or was revoked. Ask for a new one if you still need access.',
  'wrong-address': 'This invitation was sent to another email address.',
  'account-exists': 'An account with this email address already exists. Sign in to accept the invitation.',
  'password-too-short': 'Use at least 10 characters',
  'two-factor-first': 'Turn on two-factor authentication for your own account first (Account › Security), so you keep access.',
}

/** The action-layer answer for a Members failure code. */
export function membersFailure(failure: TDomainFailure<TMembersFailureCode>): TActionFailure {
  const words = MEMBERS_MESSAGES[failure.code]
  return failure.field ? { ok: false, message: words, fieldErrors: { [failure.field]: words } } : { ok: false, message: words }
}
