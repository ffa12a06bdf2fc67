// The organization's public card pieces rendered on the server, as its pages would.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { OrgCard, SignInHint } from '@/lib/org-users/components/org-card'

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')

describe('SignInHint', () => {
  it("links the organization's sign-in page", () => {
    const html = renderToStaticMarkup(createElement(SignInHint, { orgName: 'Globex', slug: 'globex' }))
    expect(html).toContain('href="/t/globex/login"')
    expect(text(html)).toBe('Already verified? Sign in to Globex')
  })
})

describe('OrgCard', () => {
  it("shows the organization's name and initial on top", () => {
    const html = renderToStaticMarkup(createElement(OrgCard, { orgName: 'globex Accounts', title: 'Sign up' }))
    expect(html).toMatch(/aria-hidden="true">G<\/span>/)
    expect(html).toContain('>globex Accounts</span>')
  })

  it('has no header without an organization (the unknown-organization page)', () => {
    const html = renderToStaticMarkup(createElement(OrgCard, { title: 'Page not found' }))
    expect(text(html)).toBe('Page not found')
  })
})
