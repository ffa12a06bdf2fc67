// Update offers a test email first when the form would send mail somewhere new (client-safe, pure).
import { presetApiOf, presetLabelOf } from './presets'
import type { TEmailProviderFormValues } from './schema'
import { SIGN_IN_KINDS } from './sign-in-kinds'

/** Whether the form sends over its service's HTTP API (else SMTP), as the form shows it. */
const isApiOf = (values: TEmailProviderFormValues) => values.sendingMethod === 'api' && Boolean(presetApiOf(values.preset))

/**
 * The settings of a form that decide where its mail goes, as one comparable string: the service, the sending method,
 * the server (host, port, security), the sign-in kind and its account fields, and a typed secret (a saved one is blank).
 * Display Name, Reply-to and the other sender fields are left out: they change how mail looks, not where it goes.
 */
export function targetKeyOf(values: TEmailProviderFormValues): string {
  if (isApiOf(values)) return JSON.stringify([values.preset, 'api', values.apiKey])
  const kind = SIGN_IN_KINDS[values.authKind]
  const account = kind.target.filter((field) => field in values).map((field) => String(values[field as keyof TEmailProviderFormValues] ?? '').trim())
  const secret = kind.secretField ? values[kind.secretField] : ''
  return JSON.stringify([values.preset, 'smtp', values.host.trim(), values.port.trim(), values.security, values.authKind, ...account, secret])
}

/**
 * True when Update should ask "Send a test email first?": the form's target is not the saved one (nothing saved
 * counts as a change) and no successful test email was sent with this very target (`testedKey`) on this page.
 */
export function isTestFirstAdvised(saved: TEmailProviderFormValues | null, values: TEmailProviderFormValues, testedKey: string | null): boolean {
  const key = targetKeyOf(values)
  if (saved && targetKeyOf(saved) === key) return false
  return key !== testedKey
}

/** Where the form would send mail, in words: "smtp.example.com:587", or "Postmark over its API". */
export function targetLabelOf(values: TEmailProviderFormValues): string {
  return isApiOf(values) ? `${presetLabelOf(values.preset)} over its API` : `${values.host.trim()}:${values.port.trim()}`
}
