// One schema for the Email Provider form: the form's zodResolver and the Server Actions both use it.
import { z } from 'zod/mini'
import type { TConnectionSecurity } from '@/lib/mail/types'
import { ConnectionSecurity, enumValues, SendingMethod } from '@/lib/enums'
import { ZDkimSelector } from '@/lib/email-provider/sender-domain/schema'
import { isMicrosoftTenantId, presetApiOf, PROVIDER_PRESET_IDS, type TProviderPresetId } from './presets'
import { SENDER_MAX_LENGTHS } from './fields'

/** The Sending method choices: SMTP, or the preset's HTTP API. */
export const SENDING_METHODS = enumValues(SendingMethod)

/** The Connection security choices, in the order the select shows them. */
export const CONNECTION_SECURITIES = enumValues(ConnectionSecurity) satisfies readonly TConnectionSecurity[]

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
    z.maxLength(SENDER_MAX_LENGTHS.replyTo, `${label} is at most ${SENDER_MAX_LENGTHS.replyTo} characters`),
    z.refine((value) => value === '' || z.email().safeParse(value).success, `Enter a valid email address for ${label}, like support@example.com`),
  )

const ZNoControlCharacters = (label: string, max: number) =>
  z.string().check(z.trim(), z.maxLength(max, `${label} is at most ${max} characters`), z.regex(NO_CONTROL_CHARACTERS, `Remove line breaks from ${label}`))

const ZSecret = (label: string, max: number) =>
  z.string().check(z.maxLength(max, `${label} is at most ${max} characters`), z.regex(/^[^\r\n\0]*$/, `${label} cannot contain line breaks`))

const ZRequiredUsername = (message: string) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, message),
      z.maxLength(255, 'Usernames are at most 255 characters'),
      z.regex(NO_CONTROL_CHARACTERS, 'Remove line breaks and control characters'),
    )

const ZHttpsUrl = (label: string) =>
  z.string().check(
    z.trim(),
    z.minLength(1, `Enter the ${label}`),
    z.maxLength(2048, `${label} is at most 2048 characters`),
    z.refine((value) => urlProblem(value) === null, `Enter the ${label} as a full https:// address`),
  )

/** Why `value` is not an http(s) URL with a host, or null. (The server refuses http unless private hosts are allowed.) */
export function urlProblem(value: string): string | null {
  try {
    const url = new URL(value)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'not-http'
    if (!url.hostname || url.username || url.password) return 'no-host'
    return null
  } catch {
    return 'invalid'
  }
}

/** Why a pasted service account key cannot be used, or null when it has what signing in needs. */
export function serviceAccountKeyProblem(json: string): string | null {
  let key: unknown
  try {
    key = JSON.parse(json)
  } catch {
    return 'Paste the whole key file: it is not valid JSON'
  }
  if (typeof key !== 'object' || key === null) return 'Paste the whole key file (a JSON object)'
  const { type, client_email: email, private_key: privateKey, token_uri: tokenUri } = key as Record<string, unknown>
  if (type !== undefined && type !== 'service_account') return 'This is not a service account key (its type must be "service_account")'
  if (typeof email !== 'string' || !z.email().safeParse(email).success) return 'The key has no client_email: download the JSON key of the service account again'
  if (typeof privateKey !== 'string' || !privateKey.includes('PRIVATE KEY-----')) return 'The key has no private_key: download the JSON key again'
  if (typeof tokenUri !== 'string' || urlProblem(tokenUri) !== null) return 'The key has no valid token_uri: download the JSON key again'
  return null
}

// Fields every authentication kind shares. Blank secrets keep the saved ones (see server/service.ts).
const base = {
  preset: z.enum(PROVIDER_PRESET_IDS, 'Choose a provider'),
  /** SMTP (absent: SMTP, as before the choice existed), or the preset's HTTP API with its API key. */
  sendingMethod: z.optional(z.enum(SENDING_METHODS, 'Choose API or SMTP')),
  apiKey: z.optional(ZSecret('API keys', 512)),
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
  security: z.enum(CONNECTION_SECURITIES, 'Choose how the connection is secured'),
  fromAddress: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Enter the From Address, e.g. no-reply@example.com'),
      z.maxLength(SENDER_MAX_LENGTHS.fromAddress, `From Address is at most ${SENDER_MAX_LENGTHS.fromAddress} characters`),
      z.email('Enter a valid From Address, like no-reply@example.com'),
    ),
  replyTo: ZOptionalEmail('Reply-to Address'),
  displayName: z
    .string()
    .check(
      z.trim(),
      z.maxLength(SENDER_MAX_LENGTHS.displayName, `Display Name is at most ${SENDER_MAX_LENGTHS.displayName} characters`),
      z.regex(NO_CONTROL_CHARACTERS, 'Display Name cannot contain line breaks or control characters'),
    ),
  dkimSelector: z.string().check(
    z.trim(),
    z.refine(
      (selector) => selector === '' || ZDkimSelector.safeParse(selector).success,
      'Enter the selector only, such as s1 (not the whole ._domainkey name)',
    ),
  ),
  /** Opt-in: messages this server could not send for a while go through the platform's default provider. */
  useDefaultOnFailure: z.boolean(),
  /** The settings version the form was loaded with: a newer one in the database means someone else saved. */
  version: z.number().check(z.int(), z.minimum(0)),
}

const ZPasswordAuth = z.object({
  ...base,
  authKind: z.literal('password'),
  username: ZRequiredUsername('Enter the username for this server'),
  password: ZSecret('Passwords', 512),
})

const ZClientCredentialsAuth = z.object({
  ...base,
  authKind: z.literal('oauth_client_credentials'),
  username: ZRequiredUsername('Enter the mailbox to send as, e.g. no-reply@contoso.com'),
  tenantId: z.string().check(
    z.trim(),
    z.maxLength(253, 'Tenant IDs are at most 253 characters'),
    z.refine((tenant) => tenant === '' || isMicrosoftTenantId(tenant), 'Enter the Directory (tenant) ID: a GUID, or a domain like contoso.onmicrosoft.com'),
  ),
  tokenUrl: ZHttpsUrl('Token URL'),
  clientId: ZNoControlCharacters('Client ID', 255).check(z.minLength(1, 'Enter the Client ID (the application ID of the app registration)')),
  clientSecret: ZSecret('Client secrets', 2048),
  scope: ZNoControlCharacters('Scope', 512).check(z.minLength(1, 'Enter the scope, e.g. https://outlook.office365.com/.default')),
  clientSecretExpiresAt: z.string().check(
    z.trim(),
    z.refine((date) => date === '' || (/^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date))), 'Enter the date as YYYY-MM-DD'),
  ),
})

const ZServiceAccountAuth = z.object({
  ...base,
  authKind: z.literal('google_service_account'),
  username: ZRequiredUsername('Enter the Workspace user to send as, e.g. no-reply@example.com'),
  serviceAccountKey: z.string().check(
    z.maxLength(20_000, 'A service account key is at most 20,000 characters'),
    z.superRefine((json, context) => {
      const problem = json.trim() === '' ? null : serviceAccountKeyProblem(json)
      if (problem) context.issues.push({ code: 'custom', message: problem, input: '' })
    }),
  ),
})

const ZNoAuth = z.object({ ...base, authKind: z.literal('none') })

/** The Email Provider form: one branch per authentication kind; only the active kind's fields are kept. */
export const ZEmailProviderForm = z.discriminatedUnion('authKind', [ZPasswordAuth, ZClientCredentialsAuth, ZServiceAccountAuth, ZNoAuth]).check(
  z.superRefine((form, context) => {
    if (form.sendingMethod === 'api' && !presetApiOf(form.preset)) {
      context.issues.push({
        code: 'custom',
        path: ['sendingMethod'],
        message: 'This provider is reached over SMTP only: choose SMTP',
        input: form.sendingMethod,
      })
    }
    if (form.sendingMethod !== 'api' && form.security === 'none' && form.authKind !== 'none') {
      context.issues.push({
        code: 'custom',
        path: ['security'],
        message: 'Unencrypted connections are only for internal relays without sign-in: credentials are never sent unencrypted',
        input: form.security,
      })
    }
  }),
)

export type TEmailProviderForm = z.infer<typeof ZEmailProviderForm>
export type TAuthKind = TEmailProviderForm['authKind']
export type TSendingMethod = (typeof SENDING_METHODS)[number]

/** Every field of the form as the browser holds it (all kinds at once; the schema keeps the active kind's). */
export type TEmailProviderFormValues = {
  preset: TProviderPresetId
  sendingMethod: TSendingMethod
  apiKey: string
  host: string
  port: string
  security: TConnectionSecurity
  authKind: TAuthKind
  username: string
  password: string
  tenantId: string
  tokenUrl: string
  clientId: string
  clientSecret: string
  scope: string
  clientSecretExpiresAt: string
  serviceAccountKey: string
  fromAddress: string
  replyTo: string
  displayName: string
  dkimSelector: string
  useDefaultOnFailure: boolean
  version: number
}

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
