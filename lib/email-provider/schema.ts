// One schema for the Email Provider form: the form's zodResolver and the Server Actions both use it.
import { z } from 'zod/mini'

export const PORT_MESSAGE = 'Port must be a whole number from 1 to 65535'
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}\p{Zl}\p{Zp}]*$/u
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i
const IPV6_LITERAL = /^\[?[0-9a-f:.]*:[0-9a-f:.]*\]?$/i

/** Why `host` is not a bare host name or IP address, or null when it is one. */
export function hostProblem(host: string): string | null {
  if (host.length === 0) return 'Enter the server host, e.g. smtp.example.com'
  if (host.length > 253) return 'Host names are at most 253 characters'
  if (/\s/.test(host)) return 'Host names cannot contain spaces'
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) return 'Enter the host name only, without smtp:// or https://'
  if (host.includes('/') || host.includes('@')) return 'Enter the host name only, e.g. smtp.example.com'
  if (IPV6_LITERAL.test(host)) return null
  if (/:\d*$/.test(host)) return 'Enter the port in Server Port, not in the host'
  if (!HOSTNAME.test(host)) return 'Enter a valid host name or IP address, e.g. smtp.example.com'
  return null
}

const ZOptionalEmail = (label: string) =>
  z.string().check(
    z.trim(),
    z.maxLength(254, `${label} is at most 254 characters`),
    z.refine((value) => value === '' || z.email().safeParse(value).success, `Enter a valid email address for ${label}, like support@example.com`),
  )

export const ZEmailProviderForm = z
  .object({
    host: z.string().check(
      z.trim(),
      z.toLowerCase(),
      z.superRefine((host, context) => {
        const problem = hostProblem(host)
        if (problem) context.issues.push({ code: 'custom', message: problem, input: host })
      }),
    ),
    port: z.string({ error: PORT_MESSAGE }).check(
      z.trim(),
      z.regex(/^\d{1,5}$/, PORT_MESSAGE),
      z.refine((port) => Number(port) >= 1 && Number(port) <= 65535, PORT_MESSAGE),
    ),
    fromAddress: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'Enter the From Address, e.g. no-reply@example.com'),
        z.maxLength(254, 'From Address is at most 254 characters'),
        z.email('Enter a valid From Address, like no-reply@example.com'),
      ),
    replyTo: ZOptionalEmail('Reply-to Address'),
    username: z
      .string()
      .check(z.trim(), z.maxLength(255, 'Usernames are at most 255 characters'), z.regex(NO_CONTROL_CHARACTERS, 'Remove line breaks and control characters')),
    password: z.string().check(z.maxLength(512, 'Passwords are at most 512 characters'), z.regex(/^[^\r\n\0]*$/, 'Passwords cannot contain line breaks')),
    clearPassword: z.boolean(),
    displayName: z
      .string()
      .check(
        z.trim(),
        z.maxLength(100, 'Display Name is at most 100 characters'),
        z.regex(NO_CONTROL_CHARACTERS, 'Display Name cannot contain line breaks or control characters'),
      ),
    /** The settings version the form was loaded with: a newer one in the database means someone else saved. */
    version: z.number().check(z.int(), z.minimum(0)),
  })
  .check(
    z.superRefine((form, context) => {
      if (form.password !== '' && form.username === '') {
        context.issues.push({ code: 'custom', path: ['username'], message: 'Enter the username that goes with this password', input: form.username })
      }
    }),
  )

export type TEmailProviderForm = z.infer<typeof ZEmailProviderForm>

export { EMAIL_PROVIDER_FIELDS } from './fields'

export const ZRevertRequest = z.object({ confirmed: z.literal(true), version: z.number().check(z.int(), z.minimum(0)) })

export const ZTestEmailRequest = z.object({
  settings: ZEmailProviderForm,
  recipient: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Enter the address to send the test email to'),
      z.maxLength(254, 'Email addresses are at most 254 characters'),
      z.email('Enter a valid email address, like you@example.com'),
    ),
})

export type TTestEmailRequest = z.infer<typeof ZTestEmailRequest>
