// Shared by the Members forms (zodResolver) and their Server Actions (safeParse).
import { z } from 'zod/mini'
import { ZAdminSignup, ZLogin } from '@/lib/auth/schema'
import { INVITABLE_ROLES, ROLES } from './roles'

const ZId = z.string().check(z.minLength(1), z.maxLength(100))

export const ZInvite = z.object({ email: ZLogin.shape.email, role: z.enum(INVITABLE_ROLES, 'Choose a role') })
export const ZInvitationRef = z.object({ invitationId: ZId })
export const ZRoleChange = z.object({ userId: ZId, role: z.enum(ROLES, 'Choose a role') })
export const ZMemberRef = z.object({ userId: ZId })
export const ZAcceptWithPassword = z.pick(ZAdminSignup, { password: true })
/** Members › Two-factor authentication (owners): Require two-factor authentication, on or off. */
export const ZRequireTwoFactor = z.object({ isRequired: z.boolean('Choose on or off') })

// An invitation token as we issue it: 32 random bytes in base64url; anything else cannot match.
export const ZInvitationToken = z.string().check(z.minLength(20), z.maxLength(128), z.regex(/^[A-Za-z0-9_-]+$/))

export type TInvite = z.infer<typeof ZInvite>
export type TRoleChange = z.infer<typeof ZRoleChange>
export type TRequireTwoFactor = z.infer<typeof ZRequireTwoFactor>
export type TAcceptWithPassword = z.infer<typeof ZAcceptWithPassword>
