import 'server-only'
import getDmarcRecord, { type TDmarcRecord } from 'mailauth/lib/dmarc/get-dmarc-record.js'
import type { TProviderPreset } from '@/lib/email-provider/presets'
import { dmarcTagNotes, dmarcTags, dmarcWithoutObsolete, hasRemovedDmarcTags, dmarcWithPolicy, newDmarcRecord } from '../records'
import type { TRecordCheck } from '../types'
import { dnsFailure } from './dns-failure'
import type { TDnsResolve } from './resolver'

// These services put the bounce (envelope) address on a domain of their own or a subdomain, so under aspf=s SPF
// never aligns with the From domain; Microsoft 365 and Google Workspace bounce to the From address itself.
const OWN_BOUNCE_DOMAIN = new Set(['ses', 'sendgrid', 'mailgun', 'postmark', 'brevo', 'resend'])

type TDmarcInput = { domain: string; preset: TProviderPreset }

/**
 * The DMARC policy that applies to the From domain: its own record, or the one RFC 9989's DNS tree walk finds above
 * it (mailauth walks the tree; no public suffix list). Older RFC 7489 records read the same; their removed tags are named.
 */
export async function checkDmarc({ domain, preset }: TDmarcInput, resolve: TDnsResolve): Promise<TRecordCheck> {
  let record: TDmarcRecord | false
  try {
    record = await getDmarcRecord(domain, resolve)
  } catch {
    return dnsFailure(`_dmarc.${domain}`)
  }
  if (!record) {
    return {
      status: 'missing',
      why: `${domain} has no DMARC record, so receivers get no policy for mail that fails SPF and DKIM: add this one (or start with p=none to only watch the reports for a few weeks).`,
      fix: { kind: 'add', name: `_dmarc.${domain}`, type: 'TXT', value: newDmarcRecord(domain) },
    }
  }
  const name = `_dmarc.${record.recordDomain}`
  const inherited = record.isOrgRecord ? ` (inherited from ${record.recordDomain})` : ''
  const notes = dmarcTagNotes(record.rr)
  const more = notes.length > 0 ? ` Also: ${notes.join('; ')}.` : ''
  const cleaned = dmarcWithoutObsolete(record.rr)
  const tags = dmarcTags(record.rr)
  // a subdomain gets sp= when its organizational domain sets one
  const tag = record.isOrgRecord && typeof record.sp === 'string' ? 'sp' : 'p'
  const policy = tag === 'sp' ? record.sp : record.p
  if (policy !== 'quarantine' && policy !== 'reject') {
    const stated = policy === 'none' ? `is ${tag}=none, which only reports, so spoofed mail still reaches inboxes` : `has no valid ${tag}= policy`
    return {
      status: 'warning',
      why: `Your DMARC record${inherited} ${stated}: move to quarantine once the reports look clean.${more}`,
      fix: { kind: 'edit', name, type: 'TXT', value: dmarcWithPolicy(cleaned, 'quarantine', tag) },
    }
  }
  if (tags.get('t')?.toLowerCase() === 'y') {
    return {
      status: 'warning',
      why: `Your DMARC policy${inherited} is ${tag}=${policy} in test mode (t=y), so receivers apply one step less: remove t=y once the reports look clean.${more}`,
      fix: { kind: 'edit', name, type: 'TXT', value: cleaned },
    }
  }
  if (hasRemovedDmarcTags(tags)) {
    return {
      status: 'pass',
      why: `Your DMARC policy${inherited} is ${tag}=${policy}${alignmentNote(record, preset)}.${more}`,
      fix: { kind: 'edit', name, type: 'TXT', value: cleaned },
    }
  }
  return { status: 'pass', why: `Your DMARC policy${inherited} is ${tag}=${policy}${alignmentNote(record, preset)}.${more}` }
}

function alignmentNote(record: TDmarcRecord, preset: TProviderPreset): string {
  if (record.aspf !== 's') return ''
  if (preset.id === 'custom') return '; with aspf=s, SPF aligns only if your provider bounces to an address on exactly this domain, so make sure DKIM passes'
  if (OWN_BOUNCE_DOMAIN.has(preset.id)) return `; with aspf=s, SPF never aligns for ${preset.label}, so DMARC relies on DKIM passing`
  return ''
}
