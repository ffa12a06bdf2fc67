// What a failed token request is classified into, and what the classifiers know about the request (types only).
import type { TGrantKind, TTokenField } from '@/lib/mail/oauth-types'

export type TTokenErrorContext = {
  kind: TGrantKind
  /** Host of the token endpoint, named in messages. */
  host: string
  timeoutMs?: number
  /** Client secret, private key, assertion: never shown, removed from the server's words. */
  secrets?: (string | null | undefined)[]
}

export type TTokenFailure = {
  message: string
  hint: string
  field: TTokenField
  oauthError?: string | null
  isTransient?: boolean
}
