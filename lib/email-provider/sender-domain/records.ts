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
