import 'server-only'
import { Resolver } from 'node:dns/promises'
import { env } from '@/lib/env'

/** A DNS lookup with the `dns.promises.resolve(name, rrtype)` signature that mailauth takes. */
export type TDnsResolve = (name: string, rrtype: string) => Promise<unknown>

export type TResolverOptions = { servers?: readonly string[]; timeoutMs?: number }

/** A resolver that gives up after one try of `timeoutMs` (2 s), asking `servers` (default DNS_SERVERS, else the system's). */
export function createDnsResolver({ servers = env.DNS_SERVERS, timeoutMs = 2000 }: TResolverOptions = {}): TDnsResolve {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 })
  if (servers?.length) resolver.setServers([...servers])
  return (name, rrtype) => resolver.resolve(name, rrtype)
}

let shared: TDnsResolve | undefined

/** The process's resolver for sender domain checks, made on first use. */
export function defaultDnsResolver(): TDnsResolve {
  shared ??= createDnsResolver()
  return shared
}

/** The resolver error codes that mean "no such record" rather than "DNS did not answer". */
const NO_RECORD_CODES = new Set(['ENOTFOUND', 'ENODATA'])

/** True when the lookup failed because the name or record does not exist (NXDOMAIN, NODATA). */
export function isNoRecord(error: unknown): boolean {
  return NO_RECORD_CODES.has((error as { code?: string } | null)?.code ?? '')
}

/** The TXT records at `name`, each joined from its character-strings; [] when there are none; throws when DNS fails. */
export async function lookupTxt(resolve: TDnsResolve, name: string): Promise<string[]> {
  try {
    const rows = (await resolve(name, 'TXT')) as string[][]
    return rows.map((row) => row.join(''))
  } catch (error) {
    if (isNoRecord(error)) return []
    throw error
  }
}
