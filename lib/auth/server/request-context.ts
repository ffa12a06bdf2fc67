import 'server-only'
import { headers } from 'next/headers'

/**
 * The client's IP as scripts/start.mjs determined it from the socket (and TRUSTED_PROXY_HOPS). Any client-sent
 * value is overwritten there; without that front (e.g. `next dev`) every client shares one bucket — stricter, never laxer.
 */
export async function getClientIp(): Promise<string> {
  return (await headers()).get('x-client-ip') ?? 'unknown'
}
