import { env } from '@/lib/env'

// scripts/start.mjs sets X-Client-IP from the socket and marks each request it hands to Next with a secret chosen per
// process. Anything else in front (`next start`, `next dev`, a custom image) passes the client's own headers through,
// so X-Client-IP is believed only with that mark: without it every client shares one rate-limit bucket.
export const FRONT_TOKEN_HEADER = 'x-mailgate-front'
export const CLIENT_IP_HEADER = 'x-client-ip'

/** The request headers as the app may read them: X-Client-IP only when our own server set it, the mark never. */
export function trustedRequestHeaders(given: Headers, expectedToken = env.MAILGATE_FRONT_TOKEN): Headers {
  const headers = new Headers(given)
  if (!expectedToken || !sameText(given.get(FRONT_TOKEN_HEADER) ?? '', expectedToken)) headers.delete(CLIENT_IP_HEADER)
  headers.delete(FRONT_TOKEN_HEADER)
  return headers
}

// constant time for equal lengths: the token must not be guessed a character at a time
function sameText(given: string, expected: string): boolean {
  if (given.length !== expected.length) return false
  let difference = 0
  for (let index = 0; index < expected.length; index += 1) difference |= given.charCodeAt(index) ^ expected.charCodeAt(index)
  return difference === 0
}
