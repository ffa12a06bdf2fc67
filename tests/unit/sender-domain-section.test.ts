// The Sender domain card rendered on the server, as a page would (the Copy button renders its initial state).
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { SenderDomainSection, type TSenderDomainSectionProps } from '@/lib/email-provider/sender-domain/components/sender-domain-section'
import type { TSenderDomainResult } from '@/lib/email-provider/sender-domain/types'

const render = (props: TSenderDomainSectionProps) => renderToStaticMarkup(createElement(SenderDomainSection, props))
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

const result: TSenderDomainResult = {
  domain: 'contoso.com',
  checkedAt: new Date('2026-11-27T10:00:00Z'),
  spf: {
    status: 'warning',
    why: 'Your SPF record does not include spf.protection.outlook.com, so it does not authorize Microsoft 365.',
    fix: { kind: 'edit', name: 'contoso.com', type: 'TXT', value: 'v=spf1 ip4:198.51.100.7 include:spf.protection.outlook.com -all' },
  },
  dkim: { status: 'dns-error', why: 'Could not reach DNS to look up selector1._domainkey.contoso.com; try again in a minute.' },
  dmarc: {
    status: 'missing',
    why: 'contoso.com has no DMARC record.',
    fix: { kind: 'add', name: '_dmarc.contoso.com', type: 'TXT', value: 'v=DMARC1; p=quarantine; rua=mailto:dmarc@contoso.com' },
  },
}

describe('SenderDomainSection', () => {
  it('shows the domain, each record with its status in words, why, and the record to copy', () => {
    const html = render({ result })
    const words = text(html)
    expect(words).toContain('Sender domain')
    expect(words).toContain('contoso.com')
    expect(words).toContain('27 Nov 2026, 10:00 UTC')
    expect(words).toMatch(/SPF ! Warning .*does not include spf\.protection\.outlook\.com/)
    expect(words).toMatch(/DKIM \? Could not reach DNS/)
    expect(words).toMatch(/DMARC ✕ Missing/)
    expect(words).toContain('Change the TXT record at contoso.com to:')
    expect(words).toContain('Add this TXT record at _dmarc.contoso.com :')
    expect(html).toContain('<code class="block')
    expect(html).toContain('aria-label="Copy SPF record"')
    expect(html).toContain('aria-label="Copy DMARC record"')
    expect(html).not.toContain('aria-label="Copy DKIM record"')
  })

  it('says the platform manages its own domain, with no records to fix', () => {
    const html = render({ variant: 'managed', domain: 'mail.platform.example' })
    expect(text(html)).toContain('mail.platform.example , managed by the platform')
    expect(html).not.toContain('<h3')
    expect(html).not.toContain('Copy')
  })

  it('says there is nothing to check when no platform mail service sends anything', () => {
    const html = render({ variant: 'none' })
    expect(text(html)).toContain('Nothing is sent yet')
    expect(text(html)).not.toContain('managed by the platform')
    expect(html).not.toContain('<h3')
  })

  it('has a busy skeleton for the Suspense fallback', () => {
    const html = render({ variant: 'checking', domain: 'contoso.com' })
    expect(html).toContain('aria-busy="true"')
    expect(text(html)).toContain('Checking the DNS records of contoso.com …')
  })
})
