import 'server-only'
import type { TProviderResource } from '@/lib/management-api/api-schema'
import type { TProviderView } from '@/lib/email-provider/types'

/** The provider as the API shows it: the console's view, dates as ISO strings, never a secret. */
export function providerResource(provider: TProviderView): TProviderResource {
  return {
    preset: provider.preset,
    host: provider.host,
    port: provider.port,
    security: provider.security,
    authKind: provider.authKind,
    username: provider.username,
    tenantId: provider.tenantId,
    tokenUrl: provider.tokenUrl,
    clientId: provider.clientId,
    scope: provider.scope,
    clientSecretExpiresAt: provider.clientSecretExpiresAt ? provider.clientSecretExpiresAt.toISOString().slice(0, 10) : null,
    serviceAccountEmail: provider.serviceAccountEmail,
    fromAddress: provider.fromAddress,
    replyTo: provider.replyTo,
    displayName: provider.displayName,
    dkimSelector: provider.dkimSelector,
    useDefaultOnFailure: provider.useDefaultOnFailure,
    hasPassword: provider.authKind === 'password' && provider.hasSecret,
    hasSecret: provider.hasSecret,
    updatedAt: provider.updatedAt.toISOString(),
    updatedBy: provider.updatedByEmail,
  }
}
