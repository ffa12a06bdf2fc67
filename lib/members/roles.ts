// Who may do what in an organization. Client-safe: pages hide what a role cannot do, and Server Actions and services
// check the same table, so a hidden button and a refused request never disagree.
import { enumValues, MembershipRole } from '@/lib/enums'

export type TRole = MembershipRole

export const ROLE_LABELS: Record<TRole, string> = { owner: 'Owner', admin: 'Admin', viewer: 'Viewer' }

export const ROLE_DESCRIPTIONS: Record<TRole, string> = {
  owner: 'Everything, including members, ownership and deleting the organization',
  admin: 'Email provider, test email, revert; invites admins and viewers',
  viewer: 'Sees the settings read-only',
}

/** Every role, most powerful first. */
export const ROLES: readonly TRole[] = enumValues(MembershipRole)

/** Roles an invitation may grant: ownership is transferred, never invited. */
export const INVITABLE_ROLES = ['admin', 'viewer'] as const satisfies readonly TRole[]

export type TPermission = 'view' | 'edit-provider' | 'invite' | 'manage-members' | 'require-two-factor' | 'delete-organization'

/**
 * `view`: the console's pages (the Email Provider page read-only, the member list). `edit-provider`: Update, Send test
 * email, Revert, Check DNS. `invite`: invite, resend and revoke invitations. `manage-members`: change roles, remove
 * members, transfer ownership. `require-two-factor`: Require two-factor authentication of every member. `delete-organization`: delete the organization with everything in it.
 */
export const PERMISSIONS: Record<TPermission, readonly TRole[]> = {
  view: ['owner', 'admin', 'viewer'],
  'edit-provider': ['owner', 'admin'],
  invite: ['owner', 'admin'],
  'manage-members': ['owner'],
  'require-two-factor': ['owner'],
  'delete-organization': ['owner'],
}

/** Whether `role` holds `permission`. */
export function can(role: TRole, permission: TPermission): boolean {
  return PERMISSIONS[permission].includes(role)
}
