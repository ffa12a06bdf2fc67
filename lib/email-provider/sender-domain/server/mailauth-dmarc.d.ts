// mailauth ships no types for this file: just what check-dmarc.ts uses.
declare module 'mailauth/lib/dmarc/get-dmarc-record.js' {
  /** A parsed DMARC record: its tags (p, sp, adkim, aspf, rua, …), the raw text and where it was found. */
  export type TDmarcRecord = {
    v?: string
    p?: string
    sp?: string
    adkim?: string
    aspf?: string
    rua?: string
    rr: string
    isOrgRecord: boolean
    recordDomain: string
    orgDomain: string
    [tag: string]: unknown
  }

  /** The DMARC record that applies to `domain` (its own, its organizational domain's), or false; throws on DNS errors. */
  export default function getDmarcRecord(domain: string, resolver?: (name: string, rrtype: string) => Promise<unknown>): Promise<TDmarcRecord | false>
}
