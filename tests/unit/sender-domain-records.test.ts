import { describe, expect, it } from 'vitest'
import {
  dkimRecordName,
  dmarcWithPolicy,
  domainOfAddress,
  isSpfRecord,
  mergeSpfRecords,
  newDmarcRecord,
  newSpfRecord,
  spfTermForHost,
  spfWithTerm,
} from '@/lib/email-provider/sender-domain/records'
import { ZDkimSelector } from '@/lib/email-provider/sender-domain/schema'

describe('domainOfAddress', () => {
  it('takes the domain after the last @, lower case, without a trailing dot or display name', () => {
    expect(domainOfAddress('no-reply@Contoso.COM')).toBe('contoso.com')
    expect(domainOfAddress('Contoso <no-reply@mail.contoso.com.>')).toBe('mail.contoso.com')
    expect(domainOfAddress('"a@b"@contoso.com')).toBe('contoso.com')
  })

  it('is null without a domain', () => {
    expect(domainOfAddress('no-reply')).toBeNull()
    expect(domainOfAddress('no-reply@')).toBeNull()
    expect(domainOfAddress('no-reply@localhost')).toBeNull()
  })
})

describe('SPF records', () => {
  it('recognises v=spf1 only as a whole first word', () => {
    expect(isSpfRecord('v=spf1 -all')).toBe(true)
    expect(isSpfRecord('V=SPF1')).toBe(true)
    expect(isSpfRecord('v=spf10 -all')).toBe(false)
    expect(isSpfRecord('google-site-verification=abc')).toBe(false)
  })

  it('writes a new record that soft-fails everything else', () => {
    expect(newSpfRecord('include:_spf.google.com')).toBe('v=spf1 include:_spf.google.com ~all')
  })

  it('inserts the term before the all term, or before redirect=, or at the end', () => {
    expect(spfWithTerm('v=spf1 ip4:198.51.100.7 -all', 'include:spf.protection.outlook.com')).toBe(
      'v=spf1 ip4:198.51.100.7 include:spf.protection.outlook.com -all',
    )
    expect(spfWithTerm('v=spf1  mx  ~all ', 'include:sendgrid.net')).toBe('v=spf1 mx include:sendgrid.net ~all')
    expect(spfWithTerm('v=spf1 mx redirect=_spf.contoso.com', 'include:sendgrid.net')).toBe('v=spf1 mx include:sendgrid.net redirect=_spf.contoso.com')
    expect(spfWithTerm('v=spf1 mx', 'include:sendgrid.net')).toBe('v=spf1 mx include:sendgrid.net')
  })

  it('leaves a record that already has the term as it is', () => {
    expect(spfWithTerm('v=spf1 +include:Sendgrid.net -all', 'include:sendgrid.net')).toBe('v=spf1 +include:Sendgrid.net -all')
  })

  it('merges several records: each mechanism once, the first all, then the provider term', () => {
    expect(mergeSpfRecords(['v=spf1 mx include:a.example -all', 'v=spf1 include:a.example ip4:198.51.100.7 ~all'], 'include:sendgrid.net')).toBe(
      'v=spf1 mx include:a.example ip4:198.51.100.7 include:sendgrid.net -all',
    )
    expect(mergeSpfRecords(['v=spf1 mx', 'v=spf1 a'])).toBe('v=spf1 mx a ~all')
    expect(mergeSpfRecords(['v=spf1 mx redirect=_spf.a.example', 'v=spf1 a exp=explain.a.example'])).toBe(
      'v=spf1 mx a exp=explain.a.example redirect=_spf.a.example',
    )
  })

  it('authorizes an SMTP host by name, or by address for an IP literal', () => {
    expect(spfTermForHost('SMTP.Mail.Example')).toBe('a:smtp.mail.example')
    expect(spfTermForHost('203.0.113.25')).toBe('ip4:203.0.113.25')
    expect(spfTermForHost('[2001:db8::25]')).toBe('ip6:2001:db8::25')
  })
})

describe('DMARC records', () => {
  it('writes a new record: quarantine, aggregate reports to dmarc@', () => {
    expect(newDmarcRecord('contoso.com')).toBe('v=DMARC1; p=quarantine; rua=mailto:dmarc@contoso.com')
  })

  it('sets the policy and keeps every other tag', () => {
    expect(dmarcWithPolicy('v=DMARC1;p=none; rua=mailto:r@contoso.com;fo=1', 'quarantine')).toBe('v=DMARC1; p=quarantine; rua=mailto:r@contoso.com; fo=1')
    expect(dmarcWithPolicy('v=DMARC1; rua=mailto:r@contoso.com', 'reject')).toBe('v=DMARC1; p=reject; rua=mailto:r@contoso.com')
    expect(dmarcWithPolicy('v=DMARC1; p=reject; sp=none', 'quarantine', 'sp')).toBe('v=DMARC1; p=reject; sp=quarantine')
    expect(dmarcWithPolicy('v=DMARC1; p=none', 'quarantine', 'sp')).toBe('v=DMARC1; p=none; sp=quarantine')
  })
})

describe('DKIM', () => {
  it('names the key record of a selector', () => {
    expect(dkimRecordName('selector1', 'contoso.com')).toBe('selector1._domainkey.contoso.com')
  })

  it('accepts a selector, not a whole record name', () => {
    expect(ZDkimSelector.safeParse(' s1 ').data).toBe('s1')
    expect(ZDkimSelector.safeParse('20240101pm').success).toBe(true)
    expect(ZDkimSelector.safeParse('k1.mail').success).toBe(true)
    expect(ZDkimSelector.safeParse('s1._domainkey.contoso.com').success).toBe(false)
    expect(ZDkimSelector.safeParse('s 1').success).toBe(false)
    expect(ZDkimSelector.safeParse('').success).toBe(false)
  })
})
