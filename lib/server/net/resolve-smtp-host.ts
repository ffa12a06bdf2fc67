import 'server-only'
import { lookup as dnsLookup } from 'node:dns/promises'
import { env } from '@/lib/env'
import { classifyAddress, isMetadataAddress, parseHostLiteral } from './private-address'

// SSRF guard: the host is resolved once, every address is checked, and the caller connects to the
// checked address itself, so a second lookup (DNS rebinding) can never swap in an internal one.

/** A host that passed the guard: connect to `address`, verify the certificate against `servername`. */
export type TResolvedHost = {
  /** The host as normalised: lower-case ASCII name, or canonical IP. */
  host: string
  /** Name for SNI and the certificate check; null for an IP literal (checked against the IP instead). */
  servername: string | null
  address: string
  family: 4 | 6
}

export type THostErrorReason = 'invalid' | 'non-canonical' | 'metadata' | 'internal' | 'reserved' | 'not-found' | 'dns-timeout' | 'dns-failed'

/** A refused or unresolvable SMTP host; the message is safe to show on the host field. */
export class SmtpHostError extends Error {
  readonly field = 'host' as const
  readonly isUserSafe = true
  constructor(
    readonly reason: THostErrorReason,
    message: string,
    readonly hint: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'SmtpHostError'
  }
}

export type TLookup = (hostname: string) => Promise<{ address: string; family: number }[]>

export type TResolveOptions = { allowPrivateHosts?: boolean; timeoutMs?: number; lookup?: TLookup }

const defaultLookup: TLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true })

/** Resolves an SMTP host once and refuses internal or reserved addresses (unless allowPrivateHosts). */
export async function resolveSmtpHost(rawHost: string, options: TResolveOptions = {}): Promise<TResolvedHost> {
  const { allowPrivateHosts = env.SMTP_ALLOW_PRIVATE_HOSTS, timeoutMs = 5_000, lookup = defaultLookup } = options
  const literal = parseHostLiteral(rawHost)
  if (literal.kind === 'invalid') {
    throw new SmtpHostError(
      'invalid',
      `"${literal.input}" is not a valid host name`,
      'Enter the server name only, such as smtp.example.com (no scheme, port or path)',
    )
  }
  if (literal.kind === 'non-canonical') {
    const meant = literal.meant ? `an unusual way of writing the IP address ${literal.meant}` : 'not a valid IP address'
    throw new SmtpHostError(
      'non-canonical',
      `"${literal.input}" is ${meant}`,
      'Enter a host name such as smtp.example.com, or an IPv4 address in dotted form such as 203.0.113.10',
    )
  }
  const isName = literal.kind === 'name'
  const host = isName ? literal.name : literal.address
  const addresses = isName ? await lookupWithTimeout(host, lookup, timeoutMs) : [literal.address]
  for (const address of addresses) {
    if (allowPrivateHosts) assertNotMetadata(address, isName)
    else assertDialable(address, isName)
  }
  // prefer IPv4: many networks resolve AAAA records they cannot route
  const chosen = addresses.find((address) => !address.includes(':')) ?? addresses[0]
  return { host, servername: isName ? host : null, address: chosen, family: chosen.includes(':') ? 6 : 4 }
}

// SMTP_ALLOW_PRIVATE_HOSTS is for local relays and test servers, never for the machine's metadata service.
function assertNotMetadata(address: string, isName: boolean): void {
  if (!isMetadataAddress(address)) return
  throw new SmtpHostError(
    'metadata',
    `${isName ? 'This host resolves to' : 'This is'} a link-local address, where cloud metadata services live; it is never allowed`,
    "Use your email provider's SMTP host name, or your relay's address on the local network",
  )
}

function assertDialable(address: string, isName: boolean): void {
  const verdict = classifyAddress(address)
  if (verdict.class === 'public') return
  const subject = isName ? 'This host resolves to' : 'This is'
  if (verdict.class === 'internal') {
    throw new SmtpHostError(
      'internal',
      `${subject} a private network address; sending to internal networks is not allowed`,
      "Use your email provider's public SMTP host name",
    )
  }
  throw new SmtpHostError('reserved', `${subject} a reserved address that cannot be a mail server`, 'Check the host name for typos')
}

async function lookupWithTimeout(host: string, lookup: TLookup, timeoutMs: number): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new SmtpHostError(
            'dns-timeout',
            `Looking up ${host} took longer than ${Math.round(timeoutMs / 1000)} seconds`,
            'Check the host name; if it is right, the DNS servers may be having trouble: try again in a minute',
          ),
        ),
      timeoutMs,
    )
  })
  try {
    const results = await Promise.race([lookup(host), timeout])
    if (!results.length) throw Object.assign(new Error(`No addresses for ${host}`), { code: 'ENODATA' })
    return results.map((result) => classifyAddress(result.address).address)
  } catch (error) {
    if (error instanceof SmtpHostError) throw error
    throw lookupError(host, error)
  } finally {
    clearTimeout(timer)
  }
}

function lookupError(host: string, error: unknown): SmtpHostError {
  const code = (error as { code?: string } | null)?.code
  if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EAI_NONAME') {
    return new SmtpHostError('not-found', `The host ${host} could not be found`, 'Check the spelling of the host name', { cause: error })
  }
  return new SmtpHostError(
    'dns-failed',
    `The host ${host} could not be looked up right now`,
    'This is usually a temporary DNS problem: try again in a minute',
    { cause: error },
  )
}
