import { describe, expect, it } from 'vitest'
import { resolveSmtpHost, SmtpHostError, type TLookup } from '@/lib/server/net/resolve-smtp-host'

const answers =
  (...addresses: string[]): TLookup =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))

const failing =
  (code: string): TLookup =>
  async () => {
    throw Object.assign(new Error(`getaddrinfo ${code}`), { code })
  }

async function refusal(host: string, lookup: TLookup, allowPrivateHosts = false): Promise<SmtpHostError> {
  const error = await resolveSmtpHost(host, { allowPrivateHosts, lookup }).catch((caught: unknown) => caught)
  if (!(error instanceof SmtpHostError)) throw new Error(`expected a refusal, got ${JSON.stringify(error)}`)
  expect(error.field).toBe('host')
  return error
}

describe('resolveSmtpHost', () => {
  it('returns the checked address, preferring IPv4, with the name for SNI', async () => {
    const resolved = await resolveSmtpHost('SMTP.Example.com', { allowPrivateHosts: false, lookup: answers('2a00:1450:4001::1', '203.0.114.7') })
    expect(resolved).toEqual({ host: 'smtp.example.com', servername: 'smtp.example.com', address: '203.0.114.7', family: 4 })
  })

  it('uses IPv6 when that is all there is', async () => {
    const resolved = await resolveSmtpHost('smtp.example.com', { allowPrivateHosts: false, lookup: answers('2a00:1450:4001::1') })
    expect(resolved).toMatchObject({ address: '2a00:1450:4001::1', family: 6 })
  })

  it('does not look up an IP literal, and verifies its certificate against the IP', async () => {
    const resolved = await resolveSmtpHost('8.8.8.8', { allowPrivateHosts: false, lookup: failing('ENOTFOUND') })
    expect(resolved).toEqual({ host: '8.8.8.8', servername: null, address: '8.8.8.8', family: 4 })
  })

  it('refuses a name when any of its addresses is internal', async () => {
    const error = await refusal('mixed.example.com', answers('203.0.114.7', '10.0.0.8'))
    expect(error.reason).toBe('internal')
    expect(error.message).toBe('This host resolves to a private network address; sending to internal networks is not allowed')
  })

  it('refuses cloud metadata and IPv4-mapped IPv6 answers, never telling the admin the resolved address', async () => {
    for (const [name, address] of [
      ['metadata.example.com', '169.254.169.254'],
      ['mapped.example.com', '::ffff:127.0.0.1'],
    ] as const) {
      const error = await refusal(name, answers(address))
      expect(error.reason).toBe('internal')
      expect(error.message).toContain('a private network address')
      expect(error.message).not.toMatch(/169\.254|127\.0|7f00|\(/)
    }
  })

  it('refuses reserved addresses with their own message', async () => {
    const error = await refusal('multicast.example.com', answers('224.0.0.251'))
    expect(error).toMatchObject({ reason: 'reserved', message: 'This host resolves to a reserved address that cannot be a mail server' })
  })

  it('lets internal addresses through when allowPrivateHosts is true', async () => {
    await expect(resolveSmtpHost('mail.internal', { allowPrivateHosts: true, lookup: answers('10.0.0.8') })).resolves.toMatchObject({ address: '10.0.0.8' })
  })

  it.each([
    ['169.254.169.254', answers('127.0.0.1')],
    ['metadata.example', answers('169.254.169.254')],
    ['[fd00:ec2::254]', answers('127.0.0.1')],
    ['[::ffff:169.254.169.254]', answers('127.0.0.1')],
    ['[fe80::1]', answers('127.0.0.1')],
    ['mixed.example', answers('10.0.0.8', '169.254.10.1')],
  ])('refuses the cloud metadata and link-local address %s even when allowPrivateHosts is true', async (host, lookup) => {
    const error = await refusal(host, lookup, true)
    expect(error.reason).toBe('metadata')
    expect(error.message).toMatch(/link-local address/)
  })

  it('reports unknown hosts, DNS failures and slow lookups on the host field', async () => {
    expect(await refusal('nope.example.com', failing('ENOTFOUND'))).toMatchObject({
      reason: 'not-found',
      message: 'The host nope.example.com could not be found',
    })
    expect(await refusal('flaky.example.com', failing('EAI_AGAIN'))).toMatchObject({ reason: 'dns-failed' })
    const never: TLookup = () => new Promise(() => undefined)
    const slow = await resolveSmtpHost('slow.example.com', { lookup: never, timeoutMs: 20 }).catch((caught: unknown) => caught)
    expect(slow).toMatchObject({ field: 'host', reason: 'dns-timeout' })
  })

  it('refuses invalid and disguised hosts before any lookup', async () => {
    expect(await refusal('http://smtp.example.com', failing('ENOTFOUND'))).toMatchObject({ reason: 'invalid' })
    expect(await refusal('0x7f000001', answers('127.0.0.1'), true)).toMatchObject({ reason: 'non-canonical' })
  })
})
