// The organization's public card pieces rendered on the server, as its pages would.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { OrgCard, SignInHint } from '@/lib/org-users/components/org-card'

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')

describe('SignInHint', () => {
  it('points to where the user usually signs in when the sign-in URL is unknown', () => {
    const html = renderToStaticMarkup(createElement(SignInHint, { orgName: 'Globex Accounts' }))
    expect(text(html)).toBe('Already verified? Sign in to Globex Accounts where you usually do.')
    expect(html).not.toContain('<a')
  })

  it('links to the sign-in URL when it is known', () => {
    const html = renderToStaticMarkup(createElement(SignInHint, { orgName: 'Globex', signInUrl: 'https://app.globex.test/login' }))
    expect(html).toContain('href="https://app.globex.test/login"')
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
