import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendWithDiagnostics } from '@/lib/mail/server/diagnose'
import { getPooledTransport } from '@/lib/mail/server/transport-cache'
import { buildTransport } from '@/lib/mail/server/transport'
import { resolveSmtpHost, SmtpHostError } from '@/lib/server/net/resolve-smtp-host'
import { fixtureSettings, testMessage } from '../support/mail-fixtures'
import { startSilentServer, type TSilentServer } from '../support/silent-server'

// the resolved address is never shown: an admin must not learn what our internal names resolve to
const PRIVATE = (subject = 'This host resolves to') => `${subject} a private network address; sending to internal networks is not allowed`

describe('SSRF guard with allowPrivateHosts = false', () => {
  let server: TSilentServer
  beforeAll(async () => {
    server = await startSilentServer()
  })
  afterAll(() => server.close())

  it('refuses a name that resolves to 127.0.0.1 (localhost), before connecting', async () => {
    const result = await sendWithDiagnostics(fixtureSettings(server.port), testMessage(), { allowPrivateHosts: false })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({ field: 'host', stage: 'dns', message: PRIVATE() })
    expect(result.steps).toEqual([expect.objectContaining({ stage: 'dns', status: 'failed' })])
    await expect(buildTransport(fixtureSettings(server.port), { allowPrivateHosts: false })).rejects.toThrow(PRIVATE())
    await expect(getPooledTransport('org-ssrf', fixtureSettings(server.port), { allowPrivateHosts: false })).rejects.toBeInstanceOf(SmtpHostError)
    expect(server.connections()).toBe(0)
  })

  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['10.1.2.3', '10.1.2.3'],
    ['192.168.0.10', '192.168.0.10'],
    ['169.254.169.254', '169.254.169.254'],
    ['100.64.0.1', '100.64.0.1'],
    ['0.0.0.0', '0.0.0.0'],
    ['::1', '::1'],
    ['[::1]', '::1'],
    ['fe80::1', 'fe80::1'],
    ['fd12:3456::1', 'fd12:3456::1'],
    ['[::ffff:127.0.0.1]', '::ffff:7f00:1'],
    ['::ffff:a9fe:a9fe', '::ffff:a9fe:a9fe'],
  ])('refuses the IP literal %s', async (host, canonical) => {
    const error = await resolveSmtpHost(host, { allowPrivateHosts: false }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SmtpHostError)
    expect(error).toMatchObject({ field: 'host', reason: 'internal', message: PRIVATE('This is') })
    expect((error as Error).message).not.toContain(canonical)
  })

  it.each(['2130706433', '0x7f000001', '0177.0.0.1', '127.1', '0x7f.0.0.1'])('refuses the disguised IPv4 address %s, whatever the flag', async (host) => {
    for (const allowPrivateHosts of [false, true]) {
      const error = await resolveSmtpHost(host, { allowPrivateHosts }).catch((caught: unknown) => caught)
      expect(error).toMatchObject({ field: 'host', reason: 'non-canonical', message: `"${host}" is an unusual way of writing the IP address 127.0.0.1` })
    }
    const result = await sendWithDiagnostics(fixtureSettings(server.port, { host }), testMessage(), { allowPrivateHosts: false })
    expect(result).toMatchObject({ ok: false, error: { field: 'host', stage: 'dns' } })
    expect(server.connections()).toBe(0)
  })

  it('lets private hosts through when allowPrivateHosts is true', async () => {
    await expect(resolveSmtpHost('localhost', { allowPrivateHosts: true })).resolves.toMatchObject({
      host: 'localhost',
      servername: 'localhost',
      address: '127.0.0.1',
    })
    await expect(resolveSmtpHost('[::1]', { allowPrivateHosts: true })).resolves.toMatchObject({ servername: null, address: '::1', family: 6 })
  })
})
