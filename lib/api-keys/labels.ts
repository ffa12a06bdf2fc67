// The words the API keys page shows for stored values (client-safe).
import type { TApiKeyAccess } from './schema'

export const API_KEY_ACCESS_LABELS: Record<TApiKeyAccess, string> = { read_only: 'Read only', read_write: 'Read and write' }

/** How the audit trail and Recent changes name an API key acting on the organization. */
export const API_KEY_ACTOR_PREFIX = 'api-key:'

/** "via API key terraform" for an audit actor written by the API, or null for a console admin. */
export function apiKeyActorLabel(actorEmail: string): string | null {
  return actorEmail.startsWith(API_KEY_ACTOR_PREFIX) ? `via API key ${actorEmail.slice(API_KEY_ACTOR_PREFIX.length)}` : null
}
