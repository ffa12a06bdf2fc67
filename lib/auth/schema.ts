// Shared by the login/signup forms (zodResolver) and their Server Actions (safeParse).
import { z } from 'zod/mini'

const ZEmail = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, 'Enter your email address'),
    z.maxLength(254, 'Email addresses are at most 254 characters'),
    z.email('Enter a valid email address, like name@company.com'),
  )

export const ZLogin = z.object({
  email: ZEmail,
  password: z.string().check(z.minLength(1, 'Enter your password'), z.maxLength(128, 'Passwords are at most 128 characters')),
})

export const ZAdminSignup = z.object({
  email: ZEmail,
  password: z.string().check(z.minLength(10, 'Use at least 10 characters'), z.maxLength(128, 'Passwords are at most 128 characters')),
  orgName: z
    .string()
    .check(
      z.trim(),
      z.minLength(2, 'Enter your organization’s name (at least 2 characters)'),
      z.maxLength(80, 'Organization names are at most 80 characters'),
      z.regex(/^[^\p{Cc}]*$/u, 'Remove line breaks and control characters'),
    ),
})

export type TLogin = z.infer<typeof ZLogin>
export type TAdminSignup = z.infer<typeof ZAdminSignup>
