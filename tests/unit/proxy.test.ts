// proxy.ts called directly with NextRequests: security headers with a fresh nonce, and 4xx (never a throw) for
// malformed requests, with /api/ left to its Bearer keys.
import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { proxy } from '@/proxy'
import { env } from '@/lib/env'
import { pageSecurityHeaders } from '@/lib/server/http/security-headers'

const base = env.APP_URL
const get = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`${base}${path}`, { headers }))
const post = (path: string, headers: Record<string, string>) => proxy(new NextRequest(`${base}${path}`, { method: 'POST', headers, body: 'x' }))

describe('security headers', () => {
  it('gives every page a CSP with a fresh nonce, strict-dynamic and no framing, objects or base URIs', () => {
    const first = get('/login').headers.get('content-security-policy') ?? ''
    const second = get('/login').headers.get('content-security-policy') ?? ''
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(first)?.[1]
    expect(nonce).toBeTruthy()
    expect(second).not.toContain(nonce)
    expect(first).toMatch(/script-src [^;]*'nonce-[^']+' 'strict-dynamic'/)
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"]) expect(first).toContain(directive)
    expect(first).not.toMatch(/script-src[^;]*'unsafe-inline'/)
  })

  it('hands the nonce to the page render through the request headers', () => {
    const response = get('/signup')
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1]
    expect(response.headers.get('x-middleware-request-x-nonce')).toBe(nonce)
    expect(response.headers.get('x-middleware-request-content-security-policy')).toContain(`'nonce-${nonce}'`)
  })

  it('sends no Referer from token pages, the origin only elsewhere, and never lets content be sniffed', () => {
    const token = get('/t/acme/verify?token=abc')
    expect(token.headers.get('referrer-policy')).toBe('no-referrer')
    expect(get('/login').headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(token.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('adds HSTS only when APP_URL is https', () => {
    expect(pageSecurityHeaders('/', 'n', { appUrl: 'https://console.example.com', isDev: false })['Strict-Transport-Security']).toMatch(/max-age=\d{7,}/)
    expect(pageSecurityHeaders('/', 'n', { appUrl: 'http://localhost:3000', isDev: false })['Strict-Transport-Security']).toBeUndefined()
  })

  it('keeps the session gate of /orgs/ (with headers on the redirect)', () => {
    const response = get('/orgs/acme')
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toContain('/login?next=%2Forgs%2Facme')
  })
})

describe('malformed requests', () => {
  it.each(['/t/%E0%A4%A/signup', '/t/%/signup', '/t/acme%00/signup', '/t/acme/verify?token=%00abc', '/t/%C3%28/signup', '/login?next=%ZZ'])(
    'answers %s with 400',
    (path) => {
      expect(get(path).status).toBe(400)
    },
  )

  it('answers a body over the limit with 413', () => {
    expect(post('/t/acme/signup', { 'content-length': String(2 * 1024 * 1024), 'next-action': 'abc' }).status).toBe(413)
  })

  it('answers a Server Action from a foreign Origin with 403, and lets our own through', () => {
    expect(post('/t/acme/signup', { 'next-action': 'abc', origin: 'https://evil.example', host: new URL(base).host }).status).toBe(403)
    expect(post('/t/acme/signup', { 'next-action': 'abc', origin: new URL(base).origin, host: new URL(base).host }).status).toBe(200)
  })

  it('leaves JSON API requests (no Origin, Bearer key) to the API: no Origin check, no CSP', () => {
    const response = post('/api/v1/messages', {
      authorization: 'Bearer key',
      'content-type': 'application/json',
      'next-action': 'x',
      origin: 'https://elsewhere.example',
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBeNull()
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
