// The answer when the password-hash queue is full: a real 503 with Retry-After, before the request takes a slot.
import { busyMessage } from '@/lib/forms/action-result'

// the pages whose Server Actions hash a password: sign-in, sign-up, invitations, the verification link's password,
// reset, Account › Security (password change, two-factor), and the org users' sign-up, reset and sign-in
const HASHING_PAGE = /^\/(login|signup|invite\/[^/]+|verify-email|reset-password|account\/security|t\/[^/]+\/(signup|reset|login))$/

/** Whether a request may hash a password (a POST to one of those pages). */
export function mayHashPassword(method: string, pathname: string): boolean {
  return method === 'POST' && HASHING_PAGE.test(pathname)
}

/**
 * 503 + Retry-After. A Server Action call gets the sentence as plain text (Next's client throws it as the Error's
 * message, and the form shows it); any other request gets a small page saying the same.
 */
export function busyResponse(isServerAction: boolean, retryAfterSeconds: number, securityHeaders: Record<string, string>): Response {
  const message = busyMessage(retryAfterSeconds)
  const headers = { ...securityHeaders, 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' }
  if (isServerAction) return new Response(message, { status: 503, headers: { ...headers, 'Content-Type': 'text/plain' } })
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Busy | Mailgate</title></head><body style="font-family:system-ui,sans-serif;color:#0f172a;background:#f8fafc;display:grid;place-items:center;min-height:100vh;margin:0"><main style="max-width:28rem;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem"><h1 style="font-size:1.25rem;margin:0 0 .5rem">Too many requests at once</h1><p style="margin:0;color:#475569">${message} Nothing you entered was wrong.</p></main></body></html>`
  return new Response(page, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } })
}
