// Shapes of the API keys feature shared by its server code and its components (types only, client-safe).
import type { TApiKeyAccess } from './schema'

/** A key as the console lists it: never the key or its hash. */
export type TApiKeyView = {
  id: string
  name: string
  prefix: string
  access: TApiKeyAccess
  createdByEmail: string
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
}
