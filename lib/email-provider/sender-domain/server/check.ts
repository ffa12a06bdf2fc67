import 'server-only'
import { domainToASCII } from 'node:url'
import { presetById, type TProviderPreset } from '@/lib/email-provider/presets'
import { domainOfAddress } from '../records'
import type { TSenderDomainInput, TSenderDomainResult } from '../types'
import { checkDkim } from './check-dkim'
import { checkDmarc } from './check-dmarc'
import { checkSpf } from './check-spf'
import { defaultDnsResolver, type TDnsResolve } from './resolver'

export type TCheckOptions = { resolver?: TDnsResolve }

/** Checks SPF, DKIM and DMARC of the From Address's domain for the provider; throws a TypeError for an address without a domain. */
export async function checkSenderDomain(input: TSenderDomainInput, { resolver = defaultDnsResolver() }: TCheckOptions = {}): Promise<TSenderDomainResult> {
  const domain = senderDomainOf(input.fromAddress)
  const preset = senderPreset(input.presetId)
  const [spf, dkim, dmarc] = await Promise.all([
    checkSpf({ domain, smtpHost: input.smtpHost, preset }, resolver),
    checkDkim({ domain, preset, dkimSelector: input.dkimSelector }, resolver),
    checkDmarc({ domain, preset }, resolver),
  ])
  return { domain, checkedAt: new Date(), spf, dkim, dmarc }
}

/** The From Address's domain in the form DNS knows it (lower case, IDN as A-labels); throws a TypeError when there is none. */
export function senderDomainOf(fromAddress: string): string {
  const domain = domainOfAddress(fromAddress)
  const ascii = domain ? domainToASCII(domain) : ''
  if (!ascii) throw new TypeError(`"${fromAddress}" has no domain to check`)
  return ascii
}

function senderPreset(id: string): TProviderPreset {
  const preset = presetById(id) ?? presetById('custom')
  if (!preset) throw new Error('The custom preset is missing')
  return preset
}
