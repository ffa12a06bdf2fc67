import 'server-only'
import type { TSenderDomainInput, TSenderDomainResult } from '../types'
import { checkSenderDomain, senderDomainOf, type TCheckOptions } from './check'

const TTL_MS = 60 * 60 * 1000
const MAX_ENTRIES = 1000

type TEntry = { expiresAt: number; result: Promise<TSenderDomainResult> }

const entries = new Map<string, TEntry>()

export type TCachedCheckOptions = TCheckOptions & { force?: boolean }

/** checkSenderDomain, remembered for an hour per domain, provider and selector; `force` checks again. */
export async function checkSenderDomainCached(
  input: TSenderDomainInput,
  { force = false, ...options }: TCachedCheckOptions = {},
): Promise<TSenderDomainResult> {
  const key = cacheKey(input)
  const now = Date.now()
  const cached = entries.get(key)
  if (cached && !force && cached.expiresAt > now) return cached.result
  const result = checkSenderDomain(input, options)
  // callers at the same moment share one check
  entries.delete(key)
  entries.set(key, { expiresAt: now + TTL_MS, result })
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string)
  try {
    const settled = await result
    // a DNS failure is worth retrying on the next visit, not remembering for an hour
    if ([settled.spf, settled.dkim, settled.dmarc].some((check) => check.status === 'dns-error')) forget(key, result)
    return settled
  } catch (error) {
    forget(key, result)
    throw error
  }
}

/** Forgets every cached check (tests, or after the admin changes DNS-relevant settings everywhere). */
export function clearSenderDomainCache(): void {
  entries.clear()
}

function cacheKey({ fromAddress, smtpHost, presetId, dkimSelector }: TSenderDomainInput): string {
  const provider = presetId === 'custom' ? `custom:${smtpHost.trim().toLowerCase()}` : presetId
  return [senderDomainOf(fromAddress), provider, dkimSelector?.trim().toLowerCase() ?? ''].join('|')
}

function forget(key: string, result: Promise<TSenderDomainResult>): void {
  if (entries.get(key)?.result === result) entries.delete(key)
}
