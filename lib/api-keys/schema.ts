// The API keys page's schemas, shared by its create dialog and its Server Actions.
import { z } from 'zod/mini'
import { ApiKeyAccess, enumValues } from '@/lib/enums'

/** What a key may do: read only (GET), or read and write. */
export const API_KEY_ACCESS = enumValues(ApiKeyAccess)

export type TApiKeyAccess = (typeof API_KEY_ACCESS)[number]

/** Create API key: a name people recognise in the audit trail, and its access. */
export const ZCreateApiKeyForm = z.object({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Enter a name for the key, e.g. terraform'),
      z.maxLength(60, 'Names are at most 60 characters'),
      z.regex(/^[\p{L}\p{N} ._-]+$/u, 'Use letters, digits, spaces, dots, dashes and underscores'),
    ),
  access: z.enum(API_KEY_ACCESS, 'Choose the access'),
})

export type TCreateApiKeyForm = z.infer<typeof ZCreateApiKeyForm>

export const ZRevokeApiKey = z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) })
