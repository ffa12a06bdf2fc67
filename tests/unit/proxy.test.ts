// proxy.ts called directly with NextRequests: security headers with a fresh nonce, and 4xx (never a throw) for
// malformed requests, with /api/ left to its Bearer keys.
import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { proxy } from '@/proxy'
import { FRONT_TOKEN_HEADER, trustedRequestHeaders } from '@/lib/server/http/front-token'
import { env } from '@/lib/env'
import { pageSecurityHeaders } from '@/lib/server/http/security-headers'
import { HASH_BUSY_RETRY_AFTER_SECONDS, isHashQueueFull, MAX_WAITING_HASHES } from '@/lib/auth/server/hash-queue'
import { hashPassword } from '@/lib/auth/server/password'
import { busyMessage, isBusyMessage } from '@/lib/forms/action-result'

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
    for (const path of ['/invite/abc', '/verify-email?token=abc', '/reset-password?token=abc'])
      expect(get(path).headers.get('referrer-policy')).toBe('no-referrer')
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

describe('the client address', () => {
  const forwardedClientIp = (response: Response) => response.headers.get('x-middleware-request-x-client-ip')

  it('drops a client-sent X-Client-IP when no scripts/start.mjs is in front (next start, next dev)', () => {
    for (const path of ['/login', '/api/v1/messages']) expect(forwardedClientIp(get(path, { 'x-client-ip': '203.0.113.7' }))).toBeNull()
  })

  it('keeps the X-Client-IP that our own server set, marked with its secret, and never passes the mark on', () => {
    const secret = 'per-process-secret-of-32-characters-at-least'
    const marked = trustedRequestHeaders(new Headers({ 'x-client-ip': '198.51.100.1', [FRONT_TOKEN_HEADER]: secret }), secret)
    expect(marked.get('x-client-ip')).toBe('198.51.100.1')
    expect(marked.get(FRONT_TOKEN_HEADER)).toBeNull()
    expect(trustedRequestHeaders(new Headers({ 'x-client-ip': '198.51.100.1', [FRONT_TOKEN_HEADER]: 'guessed-secret' }), secret).get('x-client-ip')).toBeNull()
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

describe('a full password-hash queue', () => {
  it('answers posts that would hash with 503 + Retry-After (plain text for Server Actions, a page otherwise), and nothing else', async () => {
    const accepted = Array.from({ length: MAX_WAITING_HASHES + 2 }, () => hashPassword('correct horse battery'))
    expect(isHashQueueFull()).toBe(true)
    const action = { 'next-action': '7f'.repeat(21), 'content-type': 'text/plain;charset=UTF-8' }
    const hashing = [
      '/login',
      '/signup',
      '/invite/abc',
      '/t/acme/signup',
      '/t/acme/reset',
      '/t/acme/login',
      '/verify-email',
      '/reset-password',
      '/account/security',
    ]
    for (const path of hashing) {
      const response = post(path, action)
      expect(response.status, path).toBe(503)
      expect(response.headers.get('retry-after')).toBe(String(HASH_BUSY_RETRY_AFTER_SECONDS))
      // Next's client throws a 503's text as the Error's message only for exactly text/plain
      expect(response.headers.get('content-type')).toBe('text/plain')
      expect(isBusyMessage(await response.text())).toBe(true)
    }
    const page = post('/login', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(page.status).toBe(503)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain(busyMessage(HASH_BUSY_RETRY_AFTER_SECONDS))
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    // reading pages, other actions and the org users' recovery (which hashes nothing) go on
    expect(get('/login').status).toBe(200)
    expect(post('/t/acme/recover', action).status).toBe(200)
    expect(post('/t/acme/account', action).status).toBe(200) // Sign out
    expect(post('/orgs/acme/settings/email-provider', { ...action, cookie: 'better-auth.session_token=x' }).status).toBe(200)
    await Promise.all(accepted)
    expect(post('/login', action).status).toBe(200)
  }, 120_000)
})
