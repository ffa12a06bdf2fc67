// Response headers of every HTML page, set in proxy.ts with a fresh nonce per request. Framework-agnostic (no 'server-only':
// proxy.ts is no React Server Component) and pure, so tests call it directly.

/** The Content-Security-Policy of a page: scripts only with this request's nonce (and what they load), no framing. */
export function contentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': the nonce'd bootstrap may load Next's chunks; hosts and 'self' are then ignored by browsers.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // inline style attributes (Radix, next/font) are no script: allowed, while scripts are not
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

// Pages with single-use tokens in their URLs (org users' verify and reset, invitations, admins' verification and
// password reset): never send them on.
const TOKEN_PAGE = /^\/(t|invite|verify-email|reset-password)(\/|$)/

/** Every security header of an HTML page at `pathname` (CSP included), given the public base URL. */
export function pageSecurityHeaders(pathname: string, nonce: string, options: { appUrl: string; isDev: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(nonce, options.isDev),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': TOKEN_PAGE.test(pathname) ? 'no-referrer' : 'strict-origin-when-cross-origin',
  }
  if (options.appUrl.startsWith('https://')) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains'
  return headers
}

/** The headers of an API response (JSON, no HTML): no CSP nonce to carry, but still never sniffed or framed. */
export function apiSecurityHeaders(options: { appUrl: string }): Record<string, string> {
  const headers: Record<string, string> = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' }
  if (options.appUrl.startsWith('https://')) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains'
  return headers
}
