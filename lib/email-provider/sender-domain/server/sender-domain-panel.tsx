import 'server-only'
import { isPlatformMailCaptured } from '@/lib/delivery/server/platform-mail'
import type { TStoredSettings } from '@/lib/email-provider/types'
import { CheckDnsButton } from '../components/check-dns-button'
import { SenderDomainSection } from '../components/sender-domain-section'
import { checkSenderDomainCached } from './cache'
import { senderDomainInputOf } from './input'
import { platformSenderDomain } from './platform'

/** The Sender domain card as the page streams it in: the custom provider's From domain checked, or the platform's. */
export async function SenderDomainPanel({ slug, provider, isReadOnly = false }: { slug: string; provider: TStoredSettings | null; isReadOnly?: boolean }) {
  if (!provider)
    return isPlatformMailCaptured() ? <SenderDomainSection variant="none" /> : <SenderDomainSection variant="managed" domain={platformSenderDomain()} />
  const result = await checkSenderDomainCached(senderDomainInputOf(provider))
  return <SenderDomainSection result={result} action={isReadOnly ? undefined : <CheckDnsButton slug={slug} />} />
}
