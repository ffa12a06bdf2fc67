// Every secret of an organization's provider, sealed together as one blob bound to the organization.
// No 'server-only' marker: key rotation (a plain Node script) uses it too.
import { open, seal, type TKey } from '@/lib/server/crypto/secret-box'

/** The provider's secrets; only the ones its authentication kind uses are kept. */
export type TProviderSecrets = { password?: string; clientSecret?: string; serviceAccountKey?: string; apiKey?: string }

/** The additional data of an organization's blob: a blob copied into another organization's row does not open. */
const contextOf = (orgId: string) => `email-provider-secrets:${orgId}`

/** Seals `secrets` for `orgId` with `key`, or null when there is nothing to keep. */
export function sealProviderSecrets(secrets: TProviderSecrets, orgId: string, key: TKey): string | null {
  const kept = Object.fromEntries(Object.entries(secrets).filter(([, value]) => typeof value === 'string' && value !== ''))
  return Object.keys(kept).length === 0 ? null : seal(JSON.stringify(kept), key, contextOf(orgId))
}

/** Opens an organization's blob with whichever of `keys` sealed it; throws when it cannot be opened. */
export function openProviderSecrets(sealed: string, orgId: string, keys: TKey[]): TProviderSecrets {
  const parsed: unknown = JSON.parse(open(sealed, keys, contextOf(orgId)))
  if (typeof parsed !== 'object' || parsed === null) throw new Error('sealed provider secrets are not an object')
  const { password, clientSecret, serviceAccountKey, apiKey } = parsed as Record<string, unknown>
  return {
    ...(typeof password === 'string' ? { password } : {}),
    ...(typeof clientSecret === 'string' ? { clientSecret } : {}),
    ...(typeof serviceAccountKey === 'string' ? { serviceAccountKey } : {}),
    ...(typeof apiKey === 'string' ? { apiKey } : {}),
  }
}

/** A v1 row's password (sealed alone, "v1:…") as a v2 blob for the same organization. */
export function upgradeLegacyPassword(passwordSecret: string, orgId: string, keys: TKey[], key: TKey): string | null {
  return sealProviderSecrets({ password: open(passwordSecret, keys) }, orgId, key)
}
