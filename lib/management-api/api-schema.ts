// The Management API's requests and answers beyond the console's own schemas (client-safe: the OpenAPI document is
// built from these and from ZEmailProviderForm, ZTestEmailRequest).
import { z } from 'zod/mini'
import { CONNECTION_SECURITIES } from '@/lib/email-provider/schema'
import { PROVIDER_PRESET_IDS } from '@/lib/email-provider/presets'
import { AuthKind, enumValues, OutboxKind, OutboxStatus } from '@/lib/enums'

const OUTBOX_STATUSES = enumValues(OutboxStatus)
const OUTBOX_KINDS = enumValues(OutboxKind)
const AUTH_KINDS = enumValues(AuthKind)

export const DELIVERIES_LIMIT_MESSAGE = 'limit must be a whole number from 1 to 100'

/** `GET /api/v1/deliveries` query parameters. */
export const ZDeliveriesQuery = z.object({
  status: z.optional(z.enum(OUTBOX_STATUSES, `status must be one of ${OUTBOX_STATUSES.join(', ')}`)),
  limit: z.optional(
    z.string().check(
      z.regex(/^\d{1,3}$/, DELIVERIES_LIMIT_MESSAGE),
      z.refine((limit) => Number(limit) >= 1 && Number(limit) <= 100, DELIVERIES_LIMIT_MESSAGE),
    ),
  ),
  cursor: z.optional(z.string().check(z.minLength(1, 'cursor is the nextCursor of the previous page'), z.maxLength(512, 'cursor is at most 512 characters'))),
})

/** `DELETE /api/v1/email-provider` body: Revert, confirmed. */
export const ZRevertBody = z.object({
  confirm: z.literal(true, 'Send {"confirm": true} to revert to the default provider'),
  version: z.optional(z.number().check(z.int(), z.minimum(0))),
})

const ZIsoDateTime = z.string().check(z.iso.datetime())
const ZNullableString = z.nullable(z.string())

/** The provider as the console shows it: never a secret, only whether one is saved. */
export const ZProviderResource = z.object({
  preset: z.enum(PROVIDER_PRESET_IDS),
  host: z.string(),
  port: z.number().check(z.int()),
  security: z.enum(CONNECTION_SECURITIES),
  authKind: z.enum(AUTH_KINDS),
  username: ZNullableString,
  tenantId: ZNullableString,
  tokenUrl: ZNullableString,
  clientId: ZNullableString,
  scope: ZNullableString,
  clientSecretExpiresAt: z.nullable(z.string().check(z.iso.date())),
  serviceAccountEmail: ZNullableString,
  fromAddress: z.string(),
  replyTo: ZNullableString,
  displayName: ZNullableString,
  dkimSelector: ZNullableString,
  useDefaultOnFailure: z.boolean(),
  hasPassword: z.boolean(),
  hasSecret: z.boolean(),
  updatedAt: ZIsoDateTime,
  updatedBy: ZNullableString,
})

/** `GET`, `PUT` and `DELETE /api/v1/email-provider` answer: `provider` is null while the platform's default is used. */
export const ZProviderResponse = z.object({ provider: z.nullable(ZProviderResource), version: z.number().check(z.int(), z.minimum(0)) })

const ZDiagnosticStep = z.object({
  stage: z.string(),
  status: z.enum(['ok', 'failed', 'skipped', 'warning']),
  detail: z.string(),
  code: z.optional(z.number()),
  reply: z.optional(z.string()),
  hint: z.optional(z.string()),
})

/** `POST /api/v1/email-provider/test` answer: the outcome and the SMTP conversation step by step. */
export const ZTestEmailResult = z.object({
  ok: z.boolean(),
  recipient: z.optional(z.string()),
  reply: z.optional(z.string()),
  durationMs: z.optional(z.number()),
  message: z.optional(z.string()),
  hint: z.optional(z.string()),
  fieldErrors: z.optional(z.record(z.string(), z.string())),
  steps: z.array(ZDiagnosticStep),
})

/** `GET /api/v1/deliveries` answer. */
export const ZDeliveriesPage = z.object({
  deliveries: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(OUTBOX_KINDS),
      toAddress: z.string(),
      status: z.enum(OUTBOX_STATUSES),
      attempts: z.number().check(z.int()),
      provider: ZNullableString,
      lastError: ZNullableString,
      createdAt: ZIsoDateTime,
      sentAt: z.nullable(ZIsoDateTime),
    }),
  ),
  nextCursor: ZNullableString,
})

/** An RFC 9457 problem: `errors` names each invalid field with the console's words for it. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.optional(z.string()),
  code: z.optional(z.string()),
  errors: z.optional(z.record(z.string(), z.string())),
})

export type TProviderResource = z.infer<typeof ZProviderResource>
