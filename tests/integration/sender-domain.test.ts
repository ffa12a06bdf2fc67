// The sender domain check against a real DNS server on 127.0.0.1 (dns2) through Node's resolver: SPF, DKIM, DMARC.
import { generateKeyPairSync } from 'node:crypto'
import { createSocket } from 'node:dgram'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  checkSenderDomain,
  checkSenderDomainCached,
  clearSenderDomainCache,
  createDnsResolver,
  type TDnsResolve,
} from '@/lib/email-provider/sender-domain/server'
import type { TSenderDomainInput } from '@/lib/email-provider/sender-domain/types'
import { a, cname, startDnsServer, txt, type TDnsServer, type TZone } from '../support/dns-server'

const DOMAIN = 'contoso.test'
const OUTLOOK_INCLUDE = 'spf.protection.outlook.com'
const microsoft: TSenderDomainInput = { fromAddress: `no-reply@${DOMAIN}`, smtpHost: 'smtp.office365.com', presetId: 'microsoft365' }
const custom: TSenderDomainInput = { fromAddress: `no-reply@${DOMAIN}`, smtpHost: 'smtp.mail.test', presetId: 'custom' }

// generated at test time: DKIM needs a real SPKI public key (2048-bit: longer than one 255-octet TXT string)
const publicKey = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'der' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
}).publicKey.toString('base64')

/** Microsoft 365 as it should be: SPF include, DKIM selectors delegated by CNAME, DMARC p=reject. */
function goodZone(overrides: TZone = {}): TZone {
  return {
    [OUTLOOK_INCLUDE]: [txt('v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 -all')],
    [DOMAIN]: [txt('v=spf1 include:spf.protection.outlook.com -all'), txt('google-site-verification=abc')],
    [`selector1._domainkey.${DOMAIN}`]: [cname('selector1-contoso-test._domainkey.contoso.onmicrosoft.test')],
    [`selector2._domainkey.${DOMAIN}`]: [cname('selector2-contoso-test._domainkey.contoso.onmicrosoft.test')],
    'selector1-contoso-test._domainkey.contoso.onmicrosoft.test': [txt(`v=DKIM1; k=rsa; p=${publicKey}`)],
    'selector2-contoso-test._domainkey.contoso.onmicrosoft.test': [txt(`v=DKIM1; k=rsa; p=${publicKey}`)],
    [`_dmarc.${DOMAIN}`]: [txt(`v=DMARC1; p=reject; rua=mailto:dmarc@${DOMAIN}`)],
    'smtp.mail.test': [a('203.0.113.25')],
    ...overrides,
  }
}

function without(zone: TZone, ...names: string[]): TZone {
  return Object.fromEntries(Object.entries(zone).filter(([name]) => !names.includes(name)))
}

let dns: TDnsServer
let resolver: TDnsResolve

beforeAll(async () => {
  dns = await startDnsServer()
  resolver = createDnsResolver({ servers: dns.servers })
})

afterAll(async () => {
  await dns.close()
})

beforeEach(() => {
  clearSenderDomainCache()
})

const check = (input: TSenderDomainInput, zone: TZone) => {
  dns.setZone(zone)
  return checkSenderDomain(input, { resolver })
}

describe('all good', () => {
  it('passes SPF, DKIM (through the CNAME) and DMARC for Microsoft 365', async () => {
    const result = await check(microsoft, goodZone())
    expect(result.domain).toBe(DOMAIN)
    expect(result.checkedAt).toBeInstanceOf(Date)
    expect(result.spf).toEqual({ status: 'pass', why: expect.stringContaining('authorizes Microsoft 365 (include:spf.protection.outlook.com)') })
    expect(result.spf.why).toMatch(/uses 1 of 10 DNS lookups/)
    expect(result.dkim).toEqual({ status: 'pass', why: expect.stringContaining(`selector1._domainkey.${DOMAIN} and selector2._domainkey.${DOMAIN}`) })
    expect(result.dmarc).toEqual({ status: 'pass', why: 'Your DMARC policy is p=reject.' })
  })

  it('takes the domain from a From Address with a display name, in any case', async () => {
    const result = await check({ ...microsoft, fromAddress: `Contoso <No-Reply@${DOMAIN.toUpperCase()}>` }, goodZone())
    expect(result.domain).toBe(DOMAIN)
    expect(result.spf.status).toBe('pass')
  })
})

describe('SPF', () => {
  it('missing: the record to add, with the provider include', async () => {
    const result = await check(microsoft, goodZone({ [DOMAIN]: [txt('google-site-verification=abc')] }))
    expect(result.spf.status).toBe('missing')
    expect(result.spf.fix).toEqual({ kind: 'add', name: DOMAIN, type: 'TXT', value: 'v=spf1 include:spf.protection.outlook.com ~all' })
  })

  it('two records: a warning to merge them, with the merged record', async () => {
    const result = await check(microsoft, goodZone({ [DOMAIN]: [txt('v=spf1 include:spf.protection.outlook.com -all'), txt('v=spf1 ip4:198.51.100.7 ~all')] }))
    expect(result.spf.status).toBe('warning')
    expect(result.spf.why).toMatch(/2 SPF records.*merge them/)
    expect(result.spf.fix).toEqual({ kind: 'edit', name: DOMAIN, type: 'TXT', value: 'v=spf1 include:spf.protection.outlook.com ip4:198.51.100.7 -all' })
  })

  it('over 10 DNS lookups (a chain of includes): a warning, from mailauth’s lookup limit', async () => {
    const chain: TZone = {}
    for (let level = 1; level <= 12; level++) chain[`l${level}.chain.test`] = [txt(`v=spf1 include:l${level + 1}.chain.test -all`)]
    chain['l13.chain.test'] = [txt('v=spf1 include:spf.protection.outlook.com -all')]
    const result = await check(microsoft, goodZone({ ...chain, [DOMAIN]: [txt('v=spf1 include:l1.chain.test -all')] }))
    expect(result.spf.status).toBe('warning')
    expect(result.spf.why).toMatch(/more than the 10 DNS lookups/)
    expect(result.spf.fix).toBeUndefined()
  })

  it('counts an include nested inside another include as authorizing the provider', async () => {
    const zone = goodZone({
      [DOMAIN]: [txt('v=spf1 include:_spf.contoso.test -all')],
      '_spf.contoso.test': [txt('v=spf1 include:spf.protection.outlook.com ~all')],
    })
    const result = await check(microsoft, zone)
    expect(result.spf.status).toBe('pass')
    expect(result.spf.why).toMatch(/uses 2 of 10 DNS lookups/)
  })

  it('without the provider’s include: the edited record, include inserted before all', async () => {
    const result = await check(microsoft, goodZone({ [DOMAIN]: [txt('v=spf1 ip4:198.51.100.7 -all')] }))
    expect(result.spf.status).toBe('warning')
    expect(result.spf.why).toMatch(/does not include spf\.protection\.outlook\.com/)
    expect(result.spf.fix).toEqual({ kind: 'edit', name: DOMAIN, type: 'TXT', value: 'v=spf1 ip4:198.51.100.7 include:spf.protection.outlook.com -all' })
  })

  it('Custom SMTP: passes when ip4: covers the SMTP host’s address, and says the real address may differ', async () => {
    const result = await check(custom, goodZone({ [DOMAIN]: [txt('v=spf1 ip4:203.0.113.0/24 -all')] }))
    expect(result.spf.status).toBe('pass')
    expect(result.spf.why).toMatch(/authorizes smtp\.mail\.test \(203\.0\.113\.25\)/)
    expect(result.spf.why).toMatch(/may differ/)
  })

  it('Custom SMTP: warns when the SMTP host’s address is not authorized, with a:<host> to add', async () => {
    const result = await check(custom, goodZone({ [DOMAIN]: [txt('v=spf1 ip4:198.51.100.0/24 -all')] }))
    expect(result.spf.status).toBe('warning')
    expect(result.spf.why).toMatch(/does not authorize smtp\.mail\.test \(203\.0\.113\.25\).*may differ/)
    expect(result.spf.fix).toEqual({ kind: 'edit', name: DOMAIN, type: 'TXT', value: 'v=spf1 ip4:198.51.100.0/24 a:smtp.mail.test -all' })
  })
  it('a private or loopback relay: no record with a private address, but what counts (its public outbound address or include)', async () => {
    for (const smtpHost of ['127.0.0.1', 'relay.internal.test']) {
      const zone = goodZone({ 'relay.internal.test': [a('10.0.0.5')] })
      const missing = await check({ ...custom, smtpHost }, without(zone, DOMAIN))
      expect(missing.spf.status, smtpHost).toBe('missing')
      expect(missing.spf.why).toMatch(/private address/)
      expect(missing.spf.why).toMatch(/public address .* sends from|SPF include/)
      expect(missing.spf.fix).toBeUndefined()
      const existing = await check({ ...custom, smtpHost }, { ...zone, [DOMAIN]: [txt('v=spf1 ip4:198.51.100.0/24 -all')] })
      expect(existing.spf.status, smtpHost).toBe('warning')
      expect(existing.spf.why).toMatch(/private address/)
      expect(existing.spf.fix).toBeUndefined()
      expect(JSON.stringify([missing, existing])).not.toMatch(/ip4:(127|10)\./)
    }
  })
})

describe('DKIM', () => {
  it('key missing at every selector', async () => {
    const result = await check(microsoft, without(goodZone(), `selector1._domainkey.${DOMAIN}`, `selector2._domainkey.${DOMAIN}`))
    expect(result.dkim.status).toBe('missing')
    expect(result.dkim.why).toMatch(/No DKIM key at selector1\._domainkey\.contoso\.test and selector2\._domainkey\.contoso\.test/)
  })

  it('one of the two selectors missing: a warning naming it', async () => {
    const result = await check(microsoft, without(goodZone(), `selector2._domainkey.${DOMAIN}`))
    expect(result.dkim.status).toBe('warning')
    expect(result.dkim.why).toMatch(/selector2\._domainkey\.contoso\.test does not/)
  })

  it('empty p= (revoked): a warning', async () => {
    const revoked = [txt('v=DKIM1; k=rsa; p=')]
    const zone = goodZone({
      'selector1-contoso-test._domainkey.contoso.onmicrosoft.test': revoked,
      'selector2-contoso-test._domainkey.contoso.onmicrosoft.test': revoked,
    })
    const result = await check(microsoft, zone)
    expect(result.dkim.status).toBe('warning')
    expect(result.dkim.why).toMatch(/revoked/)
  })

  it('p= that is not a public key: a warning', async () => {
    const result = await check({ ...custom, dkimSelector: 's1' }, goodZone({ [`s1._domainkey.${DOMAIN}`]: [txt('v=DKIM1; p=bm90IGEga2V5')] }))
    expect(result.dkim.status).toBe('warning')
    expect(result.dkim.why).toMatch(/not a valid DKIM public key/)
  })

  it('Custom SMTP: asks for the selector, then checks it', async () => {
    expect((await check(custom, goodZone())).dkim).toEqual({ status: 'warning', why: 'Enter the DKIM selector your provider gave you to check it.' })
    const result = await check({ ...custom, dkimSelector: 's1' }, goodZone({ [`s1._domainkey.${DOMAIN}`]: [txt(`v=DKIM1; k=rsa; p=${publicKey}`)] }))
    expect(result.dkim.status).toBe('pass')
  })
})

describe('DMARC', () => {
  it('missing: the record to add', async () => {
    const result = await check(microsoft, without(goodZone(), `_dmarc.${DOMAIN}`))
    expect(result.dmarc.status).toBe('missing')
    expect(result.dmarc.why).toMatch(/p=none/)
    expect(result.dmarc.fix).toEqual({ kind: 'add', name: `_dmarc.${DOMAIN}`, type: 'TXT', value: `v=DMARC1; p=quarantine; rua=mailto:dmarc@${DOMAIN}` })
  })

  it('p=none: a warning with the stricter record', async () => {
    const result = await check(microsoft, goodZone({ [`_dmarc.${DOMAIN}`]: [txt(`v=DMARC1; p=none; rua=mailto:reports@${DOMAIN}; fo=1`)] }))
    expect(result.dmarc.status).toBe('warning')
    expect(result.dmarc.fix).toEqual({
      kind: 'edit',
      name: `_dmarc.${DOMAIN}`,
      type: 'TXT',
      value: `v=DMARC1; p=quarantine; rua=mailto:reports@${DOMAIN}; fo=1`,
    })
  })

  it('a subdomain inherits its organizational domain’s record, and the fix names that record', async () => {
    const zone = goodZone({ [`_dmarc.${DOMAIN}`]: [txt('v=DMARC1; p=reject; sp=none')], [`mail.${DOMAIN}`]: [] })
    const result = await check({ ...microsoft, fromAddress: `no-reply@mail.${DOMAIN}` }, zone)
    expect(result.dmarc.status).toBe('warning')
    expect(result.dmarc.why).toMatch(/inherited from contoso\.test/)
    expect(result.dmarc.fix).toEqual({ kind: 'edit', name: `_dmarc.${DOMAIN}`, type: 'TXT', value: 'v=DMARC1; p=reject; sp=quarantine' })
  })

  it('an RFC 7489 record still reads the same; the tags RFC 9989 removed are named, and the fix drops them', async () => {
    const zone = goodZone({ [`_dmarc.${DOMAIN}`]: [txt(`v=DMARC1; p=none; pct=50; rf=afrf; ri=86400; rua=mailto:dmarc@${DOMAIN}`)] })
    const result = await check(microsoft, zone)
    expect(result.dmarc.status).toBe('warning')
    expect(result.dmarc.why).toMatch(/is p=none/)
    expect(result.dmarc.why).toMatch(/pct= \(sampling\) is gone.*rf= .*ri= .*\(RFC 9989\): you can remove pct=, rf=, ri=/)
    expect(result.dmarc.fix).toEqual({ kind: 'edit', name: `_dmarc.${DOMAIN}`, type: 'TXT', value: `v=DMARC1; p=quarantine; rua=mailto:dmarc@${DOMAIN}` })

    const enforced = await check(microsoft, goodZone({ [`_dmarc.${DOMAIN}`]: [txt('v=DMARC1; p=reject; pct=100')] }))
    expect(enforced.dmarc.status).toBe('pass')
    expect(enforced.dmarc.fix).toEqual({ kind: 'edit', name: `_dmarc.${DOMAIN}`, type: 'TXT', value: 'v=DMARC1; p=reject' })
  })

  it('RFC 9989 tags: t=y is test mode (a warning), np= and psd= are explained, unknown tags are ignored', async () => {
    const zone = goodZone({ [`_dmarc.${DOMAIN}`]: [txt('v=DMARC1; p=reject; np=reject; psd=n; t=y; future=1')] })
    const result = await check(microsoft, zone)
    expect(result.dmarc.status).toBe('warning')
    expect(result.dmarc.why).toMatch(/p=reject in test mode \(t=y\)/)
    expect(result.dmarc.why).toMatch(/np=reject applies to subdomains that do not exist/)
    expect(result.dmarc.why).toMatch(/psd=n marks the organizational domain/)
    expect(result.dmarc.why).toMatch(/ignore the unknown tag future=/)
    expect(result.dmarc.fix).toEqual({ kind: 'edit', name: `_dmarc.${DOMAIN}`, type: 'TXT', value: 'v=DMARC1; p=reject; np=reject; psd=n; future=1' })
  })

  it('aspf=s with a provider that bounces on its own domain: an alignment note', async () => {
    const zone = goodZone({ [`_dmarc.${DOMAIN}`]: [txt('v=DMARC1; p=quarantine; aspf=s')] })
    const result = await check({ ...microsoft, presetId: 'sendgrid', smtpHost: 'smtp.sendgrid.net' }, zone)
    expect(result.dmarc.status).toBe('pass')
    expect(result.dmarc.why).toMatch(/aspf=s, SPF never aligns for SendGrid/)
  })
})

describe('DNS failures', () => {
  it('SERVFAIL is "could not reach DNS", never "missing"', async () => {
    const result = await check(microsoft, { [DOMAIN]: 'servfail', [`_dmarc.${DOMAIN}`]: 'servfail', [`selector1._domainkey.${DOMAIN}`]: 'servfail' })
    expect(result.spf.status).toBe('dns-error')
    expect(result.dkim.status).toBe('dns-error')
    expect(result.dmarc.status).toBe('dns-error')
    expect(result.spf.why).toMatch(/Could not reach DNS/)
  })

  it('a DNS server that is down: dns-error for all three within about 3 s', async () => {
    const down = await startDnsServer(goodZone())
    const downResolver = createDnsResolver({ servers: down.servers })
    await down.close()
    const started = Date.now()
    const result = await checkSenderDomain(microsoft, { resolver: downResolver })
    expect(Date.now() - started).toBeLessThan(3500)
    expect([result.spf.status, result.dkim.status, result.dmarc.status]).toEqual(['dns-error', 'dns-error', 'dns-error'])
  })

  it('a DNS server that never answers: dns-error for all three after the 2 s timeout, not later', async () => {
    const silent = createSocket('udp4')
    silent.bind(0, '127.0.0.1')
    await once(silent, 'listening')
    try {
      const silentResolver = createDnsResolver({ servers: [`127.0.0.1:${(silent.address() as AddressInfo).port}`] })
      const started = Date.now()
      const result = await checkSenderDomain(microsoft, { resolver: silentResolver })
      expect(Date.now() - started).toBeLessThan(3500)
      expect([result.spf.status, result.dkim.status, result.dmarc.status]).toEqual(['dns-error', 'dns-error', 'dns-error'])
    } finally {
      silent.close()
    }
  })
})

describe('cache', () => {
  it('answers from memory for an hour per domain, provider and selector; force checks again', async () => {
    dns.setZone(goodZone())
    const first = await checkSenderDomainCached(microsoft, { resolver })
    const asked = dns.questions.length
    expect(await checkSenderDomainCached({ ...microsoft, fromAddress: `other@${DOMAIN}` }, { resolver })).toBe(first)
    expect(dns.questions.length).toBe(asked)
    const forced = await checkSenderDomainCached(microsoft, { resolver, force: true })
    expect(forced).not.toBe(first)
    expect(dns.questions.length).toBeGreaterThan(asked)
    expect(await checkSenderDomainCached({ ...microsoft, presetId: 'google', smtpHost: 'smtp.gmail.com' }, { resolver })).not.toBe(forced)
  })

  it('does not remember a DNS failure', async () => {
    dns.setZone({ [DOMAIN]: 'servfail' })
    const failed = await checkSenderDomainCached(microsoft, { resolver })
    expect(failed.spf.status).toBe('dns-error')
    dns.setZone(goodZone())
    expect((await checkSenderDomainCached(microsoft, { resolver })).spf.status).toBe('pass')
  })
})
