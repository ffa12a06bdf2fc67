import 'server-only'
import { AUTH_KIND_LABELS, SENDING_METHOD_LABELS } from '@/lib/email-provider/labels'
import { PROVIDER_PRESETS } from '@/lib/email-provider/presets'
import { isCredentialTargetChanged } from '@/lib/email-provider/sign-in-kinds'
import type { TStoredSettings } from '@/lib/email-provider/types'
import type { TOwnerNotice, TProviderTarget } from '@/lib/owner-notices/server/kinds'

/**
 * What an Update tells the owners: a change of target (a first custom provider; another service, server, port, sending
 * method, account or token endpoint; a new secret), and a change of the fallback switch. Never a secret's value.
 */
export function providerNoticesOf(before: TStoredSettings | null, after: TStoredSettings, isSecretReplaced: boolean): TOwnerNotice[] {
  const notices: TOwnerNotice[] = []
  const isTargetChanged = !before || before.preset !== after.preset || isCredentialTargetChanged(before, after) || isSecretReplaced
  if (isTargetChanged) notices.push({ kind: 'provider-target-changed', target: targetOf(after) })
  if ((before?.useDefaultOnFailure ?? false) !== after.useDefaultOnFailure) notices.push({ kind: 'fallback-changed', isOn: after.useDefaultOnFailure })
  return notices
}

/** Revert tells the owners that the platform's default provider sends again. */
export const REVERT_NOTICE: TOwnerNotice = { kind: 'provider-target-changed', target: null }

function targetOf(settings: TStoredSettings): TProviderTarget {
  const service = PROVIDER_PRESETS.find((preset) => preset.id === settings.preset)?.label ?? settings.preset
  if (settings.sendingMethod === 'api') return { server: settings.host, service, method: SENDING_METHOD_LABELS.api }
  return { server: `${settings.host}:${settings.port}`, service, method: AUTH_KIND_LABELS[settings.authKind] }
}
