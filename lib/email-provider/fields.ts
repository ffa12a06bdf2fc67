// The Email Provider form's fields in display order, kept apart from the schema: the form needs this list on first
// render, while zod and the schema load only when the form is first validated (see components/forms/lazy-resolver.ts).

/** The order the form shows its fields in: the first invalid one gets focus. */
export const EMAIL_PROVIDER_FIELDS = [
  'preset',
  'sendingMethod',
  'apiKey',
  'host',
  'port',
  'security',
  'authKind',
  'username',
  'password',
  'tenantId',
  'tokenUrl',
  'clientId',
  'clientSecret',
  'clientSecretExpiresAt',
  'scope',
  'serviceAccountKey',
  'fromAddress',
  'displayName',
  'replyTo',
  'dkimSelector',
  'useDefaultOnFailure',
] as const

/** The secret fields: write-only, blank keeps the saved value. */
export const SECRET_FIELDS = ['password', 'clientSecret', 'serviceAccountKey', 'apiKey'] as const
export type TSecretField = (typeof SECRET_FIELDS)[number]

/** The longest value each sender field takes: the schema refuses longer ones, the inputs stop at them. */
export const SENDER_MAX_LENGTHS = { fromAddress: 254, replyTo: 254, displayName: 100 } as const
