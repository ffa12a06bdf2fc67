import 'server-only'
import { headers } from 'next/headers'

/**
 * The client's IP as scripts/start.mjs determined it from the socket (and TRUSTED_PROXY_HOPS). Any client-sent
 * value is overwritten there, and proxy.ts drops it on requests that did not come through it (`next start`, `next dev`):
 * then every client shares one bucket — stricter, never laxer.
 */
export async function getClientIp(): Promise<string> {
  return (await headers()).get('x-client-ip') ?? 'unknown'
}
