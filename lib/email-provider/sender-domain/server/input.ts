import 'server-only'
import type { TStoredSettings } from '@/lib/email-provider/types'
import type { TSenderDomainInput } from '../types'

/** What to check for a provider: its From Address's domain, against its preset's (or its host's) sending setup. */
export function senderDomainInputOf(provider: Pick<TStoredSettings, 'fromAddress' | 'host' | 'preset' | 'dkimSelector'>): TSenderDomainInput {
  return { fromAddress: provider.fromAddress, smtpHost: provider.host, presetId: provider.preset, dkimSelector: provider.dkimSelector ?? undefined }
}
