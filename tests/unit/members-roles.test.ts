import { describe, expect, it } from 'vitest'
import { can, INVITABLE_ROLES, PERMISSIONS, ROLES } from '@/lib/members/roles'
import { ZInvite, ZRoleChange } from '@/lib/members/schema'

describe('roles', () => {
  it('grants what the issue lists: owners everything, admins the provider and invitations, viewers only viewing', () => {
    const table = Object.fromEntries(ROLES.map((role) => [role, Object.keys(PERMISSIONS).filter((permission) => can(role, permission as never))]))
    expect(table).toEqual({
      owner: ['view', 'edit-provider', 'invite', 'manage-members', 'require-two-factor', 'delete-organization'],
      admin: ['view', 'edit-provider', 'invite'],
      viewer: ['view'],
    })
  })

  it('never invites an owner: ownership is transferred', () => {
    expect(INVITABLE_ROLES).toEqual(['admin', 'viewer'])
    expect(ZInvite.safeParse({ email: 'a@example.com', role: 'owner' }).success).toBe(false)
    expect(ZInvite.parse({ email: ' A@Example.com ', role: 'viewer' })).toEqual({ email: 'a@example.com', role: 'viewer' })
    expect(ZRoleChange.safeParse({ userId: 'u', role: 'owner' }).success).toBe(true)
    expect(ZRoleChange.safeParse({ userId: 'u', role: 'member' }).success).toBe(false)
  })
})
