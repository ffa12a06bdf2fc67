// How the Management API takes the Email Provider form (client-safe: the OpenAPI document describes the same rules).

/** A JSON object body. */
export type TJsonObject = Record<string, unknown>

/** Fields the form always sends (as blanks) but API callers may leave out: blank keeps a saved secret, clears the rest. */
export const BLANK_WHEN_ABSENT = [
  'replyTo',
  'displayName',
  'dkimSelector',
  'password',
  'clientSecret',
  'serviceAccountKey',
  'tenantId',
  'clientSecretExpiresAt',
] as const

/** Switches API callers may leave out: off unless sent. */
export const OFF_WHEN_ABSENT = ['useDefaultOnFailure'] as const

/** An API body as the Email Provider form would send it: absent optional fields blank or off, a numeric port as text. */
export function asProviderForm(body: TJsonObject, version: number): TJsonObject {
  const form: TJsonObject = { ...body, version }
  for (const field of BLANK_WHEN_ABSENT) form[field] ??= ''
  for (const field of OFF_WHEN_ABSENT) form[field] ??= false
  if (typeof body.port === 'number' && Number.isInteger(body.port)) form.port = String(body.port)
  return form
}
