// Requests that would make the framework (or our code) throw, answered 4xx in proxy.ts before they get that far.

/** Largest body accepted (Server Actions' own default limit is 1 MB; nothing of ours takes more). */
export const MAX_BODY_BYTES = 1024 * 1024

export type TRejection = { status: 400 | 403 | 413; reason: string }

type TRequestLike = { method: string; url: string; headers: Headers }

// the raw path and query as sent (NextRequest's pathname may already be decoded)
function rawPathAndQuery(url: string): string {
  const afterHost = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '')
  return afterHost.split('#')[0] ?? ''
}

function isBadlyEncoded(raw: string): boolean {
  if (/%(?![0-9a-f]{2})/i.test(raw)) return true
  try {
    const decoded = decodeURIComponent(raw.replace(/\+/g, ' '))
    return decoded.includes('\0') || /[\u0001-\u001f\u007f]/.test(decoded)
  } catch {
    return true // e.g. %C3%28: not UTF-8
  }
}

/**
 * Why a request must be refused before routing, or null: a path or query with invalid percent-encoding, NUL or control
 * bytes (400), a body over MAX_BODY_BYTES (413), or a Server Action posted from a foreign Origin (403). `/api/` is
 * exempt from the Origin rule: API clients send no Origin and authenticate with a Bearer key, not a cookie.
 */
export function findRejection(request: TRequestLike, appOrigin: string): TRejection | null {
  const raw = rawPathAndQuery(request.url)
  if (raw.includes('\0') || isBadlyEncoded(raw)) return { status: 400, reason: 'malformed URL' }
  const length = request.headers.get('content-length')
  if (length !== null && (!/^\d+$/.test(length) || Number(length) > MAX_BODY_BYTES)) return { status: 413, reason: 'body too large' }
  const isServerAction = request.method === 'POST' && request.headers.has('next-action')
  if (isServerAction && !raw.startsWith('/api/')) {
    const origin = request.headers.get('origin')
    if (origin !== null && !isSameOrigin(origin, request, appOrigin)) return { status: 403, reason: 'foreign Origin' }
  }
  return null
}

// The console's origin is APP_URL's; the Host the request came to counts too (tests and `next dev` reach it as localhost).
function isSameOrigin(origin: string, request: TRequestLike, appOrigin: string): boolean {
  if (origin === appOrigin) return true
  const host = request.headers.get('host')
  if (!host) return false
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}
