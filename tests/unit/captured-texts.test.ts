// With no platform mail service, emails are captured, not sent: what the console says then never claims "sent", and
// never speaks the operator's language (DEFAULT_SMTP_URL) to an org admin.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { capturedTexts } from '@/lib/delivery/captured-texts'
import { VerifyEmailBanner } from '@/lib/auth/components/verify-email-banner'
import { ProviderStatus } from '@/lib/email-provider/components/provider-status'

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')
const banner = (props: { isCaptured: boolean; capturedHref?: string }) =>
  renderToStaticMarkup(createElement(VerifyEmailBanner, { email: 'ada@acme.test', slug: 'acme', ...props }))

describe('captured, not sent', () => {
  it('says "captured, not sent" in every message, never "sent to", and names no environment variable', () => {
    const all = [
      capturedTexts.verificationLink('ada@acme.test'),
      capturedTexts.newVerificationLink('ada@acme.test'),
      capturedTexts.invitation('bob@acme.test'),
      capturedTexts.invitationAgain,
      capturedTexts.signUp,
      capturedTexts.capturedEmail(true),
      capturedTexts.capturedEmail(false),
    ]
    for (const message of all) {
      expect(message).toMatch(/captured, not sent/i)
      expect(message).not.toMatch(/\bsent to\b|We sent|DEFAULT_SMTP_URL/)
    }
  })

  it('tells an admin who can deliver a captured admin email (the platform), and a user email (the Email Provider)', () => {
    expect(capturedTexts.capturedEmail(true)).toContain('never through your Email Provider')
    expect(capturedTexts.capturedEmail(true)).toContain('operator')
    expect(capturedTexts.capturedEmail(false)).toContain('Configure your Email Provider')
  })

  it('the verification reminder says the link was captured, with the way to open it', () => {
    const captured = banner({ isCaptured: true, capturedHref: '/orgs/acme/settings/email-provider/captured/1' })
    expect(text(captured)).toContain('The link to ada@acme.test was captured, not sent')
    expect(captured).toContain('href="/orgs/acme/settings/email-provider/captured/1"')
    expect(text(captured)).not.toContain('We sent')
    // before the worker captured it, still not "sent"
    expect(text(banner({ isCaptured: true }))).not.toContain('We sent')
    expect(text(banner({ isCaptured: false }))).toContain('We sent a link to ada@acme.test')
  })

  it('Home says it once: the status carries the action, and the default provider is named once', () => {
    const action = createElement('a', { href: '/orgs/acme/settings/email-provider' }, 'Configure Email Provider')
    const html = renderToStaticMarkup(createElement(ProviderStatus, { provider: null, isCapture: true, place: 'home', action }))
    expect(text(html).match(/No email is delivered yet/g)).toHaveLength(1)
    expect(text(html)).toContain('Configure Email Provider')
  })
})
