import { NextResponse, type NextRequest } from 'next/server'
import { getSessionCookie } from 'better-auth/cookies'

// Cheap first gate: no session cookie → straight to /login. Pages still verify the session itself.
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname + request.nextUrl.search
  if (!getSessionCookie(request)) {
    const login = new URL('/login', request.url)
    login.searchParams.set('next', path)
    return NextResponse.redirect(login)
  }
  const headers = new Headers(request.headers)
  headers.set('x-pathname', path)
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: ['/orgs/:path*'] }
