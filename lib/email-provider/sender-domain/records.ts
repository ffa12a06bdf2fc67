// Builders of the exact records the sender domain check proposes: pure string work, client-safe.

const SPF_VERSION = /^v=spf1(?:\s|$)/i
const ALL_TERM = /^[+\-~?]?all$/i
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/

/** True for the text of an SPF record (v=spf1 and a space, or nothing, after it). */
export function isSpfRecord(txt: string): boolean {
  return SPF_VERSION.test(txt.trim())
}

/** The domain of an email address (lower case, no trailing dot), or null when there is none. */
export function domainOfAddress(address: string): string | null {
  const at = address.lastIndexOf('@')
  if (at < 0) return null
  const domain = address
    .slice(at + 1)
    .replace(/>\s*$/, '')
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
  return /^[^\s@<>]+\.[^\s@<>.]+$/.test(domain) ? domain : null
}

/** The SPF term that authorizes an SMTP host: ip4:/ip6: for an address, a: for a name. */
export function spfTermForHost(host: string): string {
  const bare = host
    .trim()
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
  if (IPV4.test(bare)) return `ip4:${bare}`
  if (bare.includes(':')) return `ip6:${bare}`
  return `a:${bare}`
}

/** A new SPF record that authorizes `term` and soft-fails everything else. */
export function newSpfRecord(term: string): string {
  return `v=spf1 ${term} ~all`
}

/** The record with `term` inserted before its all term (or its redirect), unless it is already there. */
export function spfWithTerm(record: string, term: string): string {
  const terms = spfTerms(record)
  if (terms.some((existing) => sameTerm(existing, term))) return ['v=spf1', ...terms].join(' ')
  // mechanisms after "all" are never evaluated, and redirect= applies only when nothing matched
  const at = terms.findIndex((existing) => ALL_TERM.test(existing) || /^redirect=/i.test(existing))
  if (at < 0) terms.push(term)
  else terms.splice(at, 0, term)
  return ['v=spf1', ...terms].join(' ')
}

/** One SPF record made of several: every mechanism once, the first all (or redirect), plus `term` if given. */
export function mergeSpfRecords(records: readonly string[], term?: string): string {
  const mechanisms: string[] = []
  let ending: string | undefined
  let redirect: string | undefined
  const modifiers: string[] = []
  for (const record of records) {
    for (const item of spfTerms(record)) {
      if (ALL_TERM.test(item)) ending ??= item
      else if (/^redirect=/i.test(item)) redirect ??= item
      else if (/^[a-z][a-z0-9_.-]*=/i.test(item)) {
        if (!modifiers.some((existing) => existing.split('=')[0].toLowerCase() === item.split('=')[0].toLowerCase())) modifiers.push(item)
      } else if (!mechanisms.some((existing) => sameTerm(existing, item))) mechanisms.push(item)
    }
  }
  const merged = ['v=spf1', ...mechanisms, ...modifiers, ending ?? redirect ?? '~all'].join(' ')
  return term ? spfWithTerm(merged, term) : merged
}

/** A DMARC record for a domain that has none: quarantine what fails, aggregate reports to dmarc@. */
export function newDmarcRecord(domain: string): string {
  return `v=DMARC1; p=quarantine; rua=mailto:dmarc@${domain}`
}

/** The DMARC record with its p= (or sp=) policy set to `policy`, every other tag kept as it was. */
export function dmarcWithPolicy(record: string, policy: 'quarantine' | 'reject', tag: 'p' | 'sp' = 'p'): string {
  const tags = record
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean)
  const at = tags.findIndex((item) => new RegExp(`^${tag}\\s*=`, 'i').test(item))
  if (at >= 0) tags[at] = `${tag}=${policy}`
  else tags.splice(tag === 'p' ? 1 : tags.length, 0, `${tag}=${policy}`)
  return tags.join('; ')
}

// DMARC as RFC 9989 (May 2026) defines it; it obsoletes RFC 7489 and RFC 9091, reports are RFC 9990 and RFC 9991.
// https://datatracker.ietf.org/doc/html/rfc9989
const DMARC_OBSOLETE_TAGS: Record<string, string> = {
  pct: 'pct= (sampling) is gone: receivers apply the policy to all mail or, with t=y, test it',
  rf: 'rf= (failure report format) is gone: RFC 9991 has one format',
  ri: 'ri= (report interval) is gone: aggregate reports (RFC 9990) come daily',
}
const DMARC_KNOWN_TAGS = new Set(['v', 'p', 'sp', 'np', 'adkim', 'aspf', 'fo', 'rua', 'ruf', 't', 'psd', ...Object.keys(DMARC_OBSOLETE_TAGS)])

/** A DMARC record's tags by lower-case name (the first of each). */
export function dmarcTags(record: string): Map<string, string> {
  const tags = new Map<string, string>()
  for (const item of record.split(';')) {
    const at = item.indexOf('=')
    if (at <= 0) continue
    const name = item.slice(0, at).trim().toLowerCase()
    if (!tags.has(name)) tags.set(name, item.slice(at + 1).trim())
  }
  return tags
}

/** What a DMARC record says beyond its policy, in RFC 9989's terms: test mode, np=, psd=, and what receivers now ignore. */
export function dmarcTagNotes(record: string): string[] {
  const tags = dmarcTags(record)
  const notes: string[] = []
  if (tags.get('t')?.toLowerCase() === 'y')
    notes.push('t=y is test mode: receivers apply one step less than the policy (quarantine as none, reject as quarantine)')
  const np = tags.get('np')
  if (np) notes.push(`np=${np} applies to subdomains that do not exist`)
  if (tags.has('psd'))
    notes.push(
      `psd=${tags.get('psd')} marks ${tags.get('psd')?.toLowerCase() === 'y' ? 'a public suffix domain' : 'the organizational domain'} for the DNS tree walk`,
    )
  const obsolete = [...tags.keys()].filter((name) => name in DMARC_OBSOLETE_TAGS)
  if (obsolete.length > 0)
    notes.push(`${obsolete.map((name) => DMARC_OBSOLETE_TAGS[name]).join('; ')} (RFC 9989): you can remove ${obsolete.map((name) => `${name}=`).join(', ')}`)
  const unknown = [...tags.keys()].filter((name) => !DMARC_KNOWN_TAGS.has(name))
  if (unknown.length > 0) notes.push(`receivers ignore the unknown ${unknown.length === 1 ? 'tag' : 'tags'} ${unknown.map((name) => `${name}=`).join(', ')}`)
  return notes
}

/** True when the record still carries a tag RFC 9989 removed (pct, rf, ri). */
export function hasRemovedDmarcTags(tags: Map<string, string>): boolean {
  return [...tags.keys()].some((name) => name in DMARC_OBSOLETE_TAGS)
}

/** The DMARC record without the tags RFC 9989 removed (pct, rf, ri) and without test mode, the rest kept in order. */
export function dmarcWithoutObsolete(record: string): string {
  return record
    .split(';')
    .map((item) => item.trim())
    .filter((item) => {
      const name = item.split('=')[0]!.trim().toLowerCase()
      return item !== '' && !(name in DMARC_OBSOLETE_TAGS) && name !== 't'
    })
    .join('; ')
}

/** Where a DKIM key of `selector` lives. */
export function dkimRecordName(selector: string, domain: string): string {
  return `${selector}._domainkey.${domain}`
}

function spfTerms(record: string): string[] {
  return record
    .trim()
    .split(/\s+/)
    .filter((item, index) => !(index === 0 && SPF_VERSION.test(item)))
}

function sameTerm(a: string, b: string): boolean {
  const bare = (item: string) => item.replace(/^\+/, '').toLowerCase()
  return bare(a) === bare(b)
}
