import { NextResponse, type NextRequest } from 'next/server'
import { getSessionCookie } from 'better-auth/cookies'
import { env } from '@/lib/env'
import { apiSecurityHeaders, pageSecurityHeaders } from '@/lib/server/http/security-headers'
import { findRejection } from '@/lib/server/http/malformed-request'
import { busyResponse, mayHashPassword } from '@/lib/server/http/busy-response'
import { HASH_BUSY_RETRY_AFTER_SECONDS, isHashQueueFull } from '@/lib/auth/server/hash-queue'
import { trustedRequestHeaders } from '@/lib/server/http/front-token'

const isDev = env.NODE_ENV === 'development'
const appOrigin = new URL(env.APP_URL).origin

// Every request but static assets passes here: malformed ones are refused with a 4xx before the framework can throw
// on them; pages get a fresh CSP nonce (Next reads it from the request's Content-Security-Policy header and puts it on
// its scripts) and the security headers; /orgs/ and /account/ without a session cookie go straight to /login (pages still verify
// the session itself); X-Client-IP is kept only when scripts/start.mjs set it. While the password-hash queue is full, posts that would hash get a 503 with Retry-After.
export function proxy(request: NextRequest) {
  const rejection = findRejection(request, appOrigin)
  if (rejection)
    return new NextResponse(`${rejection.status === 413 ? 'Payload Too Large' : 'Bad Request'}: ${rejection.reason}\n`, plainText(rejection.status))
  const { pathname, search } = request.nextUrl
  // one id per request, in the logs of every instance and in the answer (an id a proxy set in front is kept)
  const given = request.headers.get('x-request-id')
  const requestId = given && /^[A-Za-z0-9._-]{8,100}$/.test(given) ? given : crypto.randomUUID()
  if (pathname.startsWith('/api/')) {
    const apiHeaders = trustedRequestHeaders(request.headers)
    apiHeaders.set('x-request-id', requestId)
    return withHeaders(NextResponse.next({ request: { headers: apiHeaders } }), { ...apiSecurityHeaders({ appUrl: env.APP_URL }), 'X-Request-Id': requestId })
  }

  const path = pathname + search
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64')
  const security = pageSecurityHeaders(pathname, nonce, { appUrl: env.APP_URL, isDev })
  if (mayHashPassword(request.method, pathname) && isHashQueueFull()) {
    return busyResponse(request.headers.has('next-action'), HASH_BUSY_RETRY_AFTER_SECONDS, { ...security, 'X-Request-Id': requestId })
  }
  if ((pathname.startsWith('/orgs/') || pathname === '/account' || pathname.startsWith('/account/')) && !getSessionCookie(request)) {
    const login = new URL('/login', request.url)
    login.searchParams.set('next', path)
    return withHeaders(NextResponse.redirect(login), security)
  }
  const headers = trustedRequestHeaders(request.headers)
  headers.set('x-pathname', path)
  headers.set('x-request-id', requestId)
  headers.set('x-nonce', nonce)
  headers.set('Content-Security-Policy', security['Content-Security-Policy']!)
  return withHeaders(NextResponse.next({ request: { headers } }), { ...security, 'X-Request-Id': requestId })
}

function plainText(status: number) {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } }
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'] }
