import 'server-only'
import type { DNSResolver, SPFResult } from 'mailauth'
import { spf } from 'mailauth/lib/spf/index.js'
import type { TProviderPreset } from '@/lib/email-provider/presets'
import { isSpfRecord, mergeSpfRecords, newSpfRecord, spfTermForHost, spfWithTerm } from '../records'
import type { TRecordCheck } from '../types'
import { classifyAddress } from '@/lib/server/net/private-address'
import { dnsFailure } from './dns-failure'
import { isNoRecord, lookupTxt, type TDnsResolve } from './resolver'

// An address from TEST-NET-1 (RFC 5737) matches no real record, so mailauth walks every term and counts every lookup.
const PROBE_IP = '192.0.2.1'
const MTA = 'sender-domain-check'
const MAX_ELAPSED_MS = 8000
const MAX_HOST_ADDRESSES = 4

type TSpfInput = { domain: string; smtpHost: string; preset: TProviderPreset }

/** SPF of the From domain: one record, at most 10 lookups, and the provider authorized. */
export async function checkSpf({ domain, smtpHost, preset }: TSpfInput, resolve: TDnsResolve): Promise<TRecordCheck> {
  let records: string[]
  try {
    records = (await lookupTxt(resolve, domain)).filter(isSpfRecord)
  } catch {
    return dnsFailure(domain)
  }
  const relay = preset.spfInclude ? null : await privateRelayAddress(smtpHost, resolve)
  if (relay) return privateRelayCheck(domain, smtpHost, relay, records.length > 0)
  const term = preset.spfInclude ? `include:${preset.spfInclude}` : spfTermForHost(smtpHost)
  const sender = preset.spfInclude ? preset.label : smtpHost
  if (records.length === 0) {
    return {
      status: 'missing',
      why: `${domain} has no SPF record, so receivers cannot tell that ${sender} may send its mail.`,
      fix: { kind: 'add', name: domain, type: 'TXT', value: newSpfRecord(term) },
    }
  }
  if (records.length > 1) {
    return {
      status: 'warning',
      why: `${domain} has ${records.length} SPF records and receivers ignore them all: merge them into this one record.`,
      fix: { kind: 'edit', name: domain, type: 'TXT', value: mergeSpfRecords(records, term) },
    }
  }
  const [record] = records
  const queried = new Set<string>()
  const recording: TDnsResolve = (name, rrtype) => {
    if (rrtype === 'TXT') queried.add(bareName(name))
    return resolve(name, rrtype)
  }
  const probe = await evaluate(domain, PROBE_IP, smtpHost, recording)
  const problem = evaluationProblem(probe, domain)
  if (problem) return problem
  const lookups = `uses ${probe.lookups?.count ?? 0} of 10 DNS lookups`
  const edit = { kind: 'edit', name: domain, type: 'TXT', value: spfWithTerm(record, term) } as const
  if (preset.spfInclude) {
    if (queried.has(bareName(preset.spfInclude))) {
      return { status: 'pass', why: `Your SPF record authorizes ${preset.label} (include:${preset.spfInclude}) and ${lookups}.` }
    }
    const hint = preset.spfHint ? ` ${preset.spfHint}.` : ''
    return { status: 'warning', why: `Your SPF record does not include ${preset.spfInclude}, so it does not authorize ${preset.label}.${hint}`, fix: edit }
  }
  return checkHostAuthorized({ domain, smtpHost, lookups, edit }, resolve)
}

type THostCheck = { domain: string; smtpHost: string; lookups: string; edit: NonNullable<TRecordCheck['fix']> }

// Custom SMTP names no include: the best we can test is whether the SMTP host's own addresses would pass.
async function checkHostAuthorized({ domain, smtpHost, lookups, edit }: THostCheck, resolve: TDnsResolve): Promise<TRecordCheck> {
  const caveat = 'the address your provider really sends from may differ, so prefer the SPF include it documents'
  let addresses: string[]
  try {
    addresses = await hostAddresses(smtpHost, resolve)
  } catch {
    return dnsFailure(smtpHost)
  }
  if (addresses.length === 0) {
    return { status: 'warning', why: `Your SPF record ${lookups}, but ${smtpHost} has no addresses to test against it.` }
  }
  const results = await Promise.all(addresses.slice(0, MAX_HOST_ADDRESSES).map((ip) => evaluate(domain, ip, smtpHost, resolve)))
  const passed = addresses.find((_, index) => results[index].status.result === 'pass')
  if (passed) return { status: 'pass', why: `Your SPF record authorizes ${smtpHost} (${passed}) and ${lookups}; ${caveat}.` }
  if (results.some((result) => result.status.result === 'temperror')) return dnsFailure(domain)
  return { status: 'warning', why: `Your SPF record does not authorize ${smtpHost} (${addresses.join(', ')}); ${caveat}.`, fix: edit }
}

/** The host's private address (loopback, RFC 1918, unique local…) when it has only such addresses, else null. */
async function privateRelayAddress(host: string, resolve: TDnsResolve): Promise<string | null> {
  const bare = host.trim().replace(/^\[|\]$/g, '')
  let addresses: string[]
  try {
    addresses = bare.toLowerCase() === 'localhost' ? ['127.0.0.1'] : await hostAddresses(bare, resolve)
  } catch {
    return null // the checks that follow report the DNS failure
  }
  const isInternal = (ip: string) => {
    try {
      return classifyAddress(ip).class === 'internal'
    } catch {
      return false
    }
  }
  return addresses.length > 0 && addresses.every(isInternal) ? addresses[0]! : null
}

// Receivers see the public address the relay finally sends from, never its private one: publish that (or the include
// of the service the relay hands mail to), and no record with a private address.
function privateRelayCheck(domain: string, smtpHost: string, address: string, hasRecord: boolean): TRecordCheck {
  const shown = smtpHost === address ? smtpHost : `${smtpHost} (${address})`
  const what = `${shown} is a relay on a private address, which receivers never see: what SPF must authorize is the public address it finally sends from, or the SPF include of the service it relays to. Never publish a private address.`
  return hasRecord
    ? { status: 'warning', why: `Your SPF record cannot be checked against ${shown}: ${what}` }
    : { status: 'missing', why: `${domain} has no SPF record. ${what}` }
}

function evaluate(domain: string, ip: string, helo: string, resolve: TDnsResolve): Promise<SPFResult> {
  return spf({ sender: `postmaster@${domain}`, ip, helo, mta: MTA, resolver: resolve as DNSResolver, maxElapsedTime: MAX_ELAPSED_MS })
}

function evaluationProblem(result: SPFResult, domain: string): TRecordCheck | null {
  const { result: outcome, comment = '' } = result.status
  if (outcome === 'temperror') return dnsFailure(domain)
  if (outcome !== 'permerror') return null
  if (/too many dns requests/i.test(comment)) {
    return {
      status: 'warning',
      why: 'Your SPF record needs more than the 10 DNS lookups receivers allow, so it fails everywhere: remove includes you no longer use.',
    }
  }
  const detail = comment.split(': ').slice(2).join(': ') || 'a syntax error'
  return { status: 'warning', why: `Receivers reject your SPF record as broken (${detail}).` }
}

async function hostAddresses(host: string, resolve: TDnsResolve): Promise<string[]> {
  const bare = host.trim().replace(/^\[|\]$/g, '')
  if (/^[\d.]+$/.test(bare) || bare.includes(':')) return [bare]
  const answers = await Promise.allSettled([resolve(bare, 'A'), resolve(bare, 'AAAA')])
  const failed = answers.find((answer) => answer.status === 'rejected' && !isNoRecord(answer.reason))
  if (failed && failed.status === 'rejected') throw failed.reason
  return answers.flatMap((answer) => (answer.status === 'fulfilled' ? (answer.value as string[]) : []))
}

function bareName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '')
}
