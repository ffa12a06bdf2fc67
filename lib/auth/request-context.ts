import 'server-only'
import { headers } from 'next/headers'

/** The client's IP as seen by our own server: the last X-Forwarded-For hop, which a client cannot forge. */
export async function getClientIp(): Promise<string> {
  const requestHeaders = await headers()
  const hops = (requestHeaders.get('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean)
  return hops.at(-1) ?? requestHeaders.get('x-real-ip') ?? 'unknown'
}
