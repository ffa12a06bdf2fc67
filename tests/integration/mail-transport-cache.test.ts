import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { mailOptionsFor } from '@/lib/mail/server/compose'
import { cachedTransportCount, closeAllTransports, forgetTransport, getPooledTransport } from '@/lib/mail/server/transport-cache'
import { fixtureSettings, passwordAuth, testMessage } from '../support/mail-fixtures'
import { startSmtpServer, TEST_USER, type TTestSmtpServer } from '../support/smtp-server'

const OPTIONS = { allowPrivateHosts: true }
const closed = /Connection pool was closed/

describe('getPooledTransport', () => {
  let server: TTestSmtpServer
  beforeAll(async () => {
    server = await startSmtpServer('starttls-auth')
  })
  afterEach(() => {
    closeAllTransports()
    vi.useRealTimers()
  })
  afterAll(() => server.close())

  it('reuses one pooled transport per organization and sends through it', async () => {
    const settings = fixtureSettings(server.port)
    const first = await getPooledTransport('org-a', settings, OPTIONS)
    expect(await getPooledTransport('org-a', { ...settings }, OPTIONS)).toBe(first)
    expect(await getPooledTransport('org-b', settings, OPTIONS)).not.toBe(first)
    await Promise.all([1, 2].map(() => first.sendMail(mailOptionsFor(testMessage()))))
    const received = await server.waitForMessages(2)
    expect(received.map((mail) => [mail.user, mail.secure])).toEqual([
      [TEST_USER.username, true],
      [TEST_USER.username, true],
    ])
  })

  it('rebuilds when the settings change, and again when they are reverted', async () => {
    const original = fixtureSettings(server.port)
    const first = await getPooledTransport('org-a', original, OPTIONS)
    const changed = await getPooledTransport('org-a', { ...original, auth: passwordAuth('new password') }, OPTIONS)
    expect(changed).not.toBe(first)
    await expect(first.sendMail(mailOptionsFor(testMessage()))).rejects.toThrow(closed)
    const reverted = await getPooledTransport('org-a', original, OPTIONS)
    expect(reverted).not.toBe(changed)
    expect(reverted).not.toBe(first)
    expect(cachedTransportCount()).toBe(1)
  })

  it('rebuilds when the security mode or the sign-in kind changes', async () => {
    const original = fixtureSettings(server.port)
    const first = await getPooledTransport('org-a', original, OPTIONS)
    const starttls = await getPooledTransport('org-a', { ...original, security: 'starttls' }, OPTIONS)
    expect(starttls).not.toBe(first)
    const oauth = await getPooledTransport(
      'org-a',
      {
        ...original,
        auth: {
          kind: 'oauth2',
          username: TEST_USER.username,
          tokenCacheKey: 'org-a',
          tokenRequest: { kind: 'client-credentials', tokenUrl: 'https://localhost:1/token', clientId: 'app', clientSecret: 'secret-1', scope: 's' },
        },
      },
      OPTIONS,
    )
    expect(oauth).not.toBe(starttls)
    expect(cachedTransportCount()).toBe(1)
  })

  it('closes a transport on forgetTransport', async () => {
    const transport = await getPooledTransport('org-a', fixtureSettings(server.port), OPTIONS)
    forgetTransport('org-a')
    expect(cachedTransportCount()).toBe(0)
    await expect(transport.sendMail(mailOptionsFor(testMessage()))).rejects.toThrow(closed)
  })

  it('keeps at most 50 transports, closing the least recently used', async () => {
    const settings = fixtureSettings(server.port)
    const oldest = await getPooledTransport('org-0', settings, OPTIONS)
    for (let index = 1; index <= 50; index++) await getPooledTransport(`org-${index}`, settings, OPTIONS)
    expect(cachedTransportCount()).toBe(50)
    await expect(oldest.sendMail(mailOptionsFor(testMessage()))).rejects.toThrow(closed)
  })

  it('closes a transport after a minute without use', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const transport = await getPooledTransport('org-a', fixtureSettings(server.port), OPTIONS)
    vi.advanceTimersByTime(59_000)
    expect(await getPooledTransport('org-a', fixtureSettings(server.port), OPTIONS)).toBe(transport)
    vi.advanceTimersByTime(59_000)
    expect(cachedTransportCount()).toBe(1)
    vi.advanceTimersByTime(1_000)
    expect(cachedTransportCount()).toBe(0)
    vi.useRealTimers()
    await expect(transport.sendMail(mailOptionsFor(testMessage()))).rejects.toThrow(closed)
  })

  it('never closes a pool with sends in progress: evicted, it finishes them, then closes', async () => {
    const slow = await startSmtpServer('starttls-auth', TEST_USER, 0, 300)
    try {
      const settings = fixtureSettings(slow.port)
      const busy = await getPooledTransport('org-busy', settings, OPTIONS)
      // more than the pool's five connections: some wait in the pool's queue
      const sends = Array.from({ length: 8 }, (_, index) => busy.sendMail(mailOptionsFor(testMessage({ to: `evict-${index}@example.test` }))))
      await slow.waitForMessages(1)
      for (let index = 1; index <= 50; index++) await getPooledTransport(`org-${index}`, fixtureSettings(server.port), OPTIONS)
      expect(cachedTransportCount()).toBe(50) // org-busy was evicted, the least recently used
      const results = await Promise.allSettled(sends)
      expect(results.filter((result) => result.status === 'rejected')).toEqual([])
      await expect(busy.sendMail(mailOptionsFor(testMessage()))).rejects.toThrow(closed)
    } finally {
      closeAllTransports()
      await slow.close()
    }
  })
})
