// Shared by the organization's public forms (zodResolver) and their Server Actions (safeParse).
import { z } from 'zod/mini'
import { ZAdminSignup, ZLogin } from '@/lib/auth/schema'

// One rule for everyone: org users get the same email normalisation (trim, lowercase) and password rule (10–128).
const ZEmail = ZLogin.shape.email
const ZNewPassword = ZAdminSignup.shape.password

export const ZOrgUserSignup = z.object({ email: ZEmail, password: ZNewPassword })
// Signing in checks the password, whatever its length: the console's sign-in rule.
export const ZOrgUserLogin = ZLogin
export const ZRecoveryRequest = z.pick(ZOrgUserSignup, { email: true })
export const ZPasswordReset = z.pick(ZOrgUserSignup, { password: true })
// Verifying proves the password chosen at sign-up is known too: someone else may have signed the address up.
export const ZEmailVerification = z.object({ password: z.string().check(z.minLength(1, 'Enter the password you chose when you signed up'), z.maxLength(128)) })

// A link token as we issue it: 32 random bytes in base64url (43 characters); anything else cannot match.
export const ZLinkToken = z.string().check(z.minLength(20), z.maxLength(128), z.regex(/^[A-Za-z0-9_-]+$/))

export type TOrgUserSignup = z.infer<typeof ZOrgUserSignup>
export type TOrgUserLogin = z.infer<typeof ZOrgUserLogin>
export type TRecoveryRequest = z.infer<typeof ZRecoveryRequest>
export type TPasswordReset = z.infer<typeof ZPasswordReset>
export type TEmailVerification = z.infer<typeof ZEmailVerification>
