// Log redaction (lib/server/logger.ts): every kind of secret is logged here on purpose, and none comes out.
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from '@/lib/server/logger'

function capture() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  return { logger: createLogger(stream), lines }
}

describe('logger', () => {
  it('writes one JSON line per event with level, time, message and context', () => {
    const { logger, lines } = capture()
    logger.child({ requestId: 'req-1', orgId: 'org-1' }).info({ messageId: '<m@x>', stage: 'auth', code: 535 }, 'delivery failed')
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 30,
      msg: 'delivery failed',
      requestId: 'req-1',
      orgId: 'org-1',
      messageId: '<m@x>',
      stage: 'auth',
      code: 535,
    })
    expect(JSON.parse(lines[0]!).time).toEqual(expect.any(Number))
  })

  it('redacts passwords, client secrets, keys, tokens, cookies and Authorization headers wherever they sit', () => {
    const { logger, lines } = capture()
    const secrets = [
      'pw-1',
      'pw-2',
      'cs-1',
      'cs-2',
      '-----BEGIN PRIVATE KEY-----abc',
      'tok-1',
      'tok-2',
      'session=abc',
      'Bearer xyz',
      'mg_live_key',
      'sealed-blob',
    ]
    logger.info({ password: 'pw-1', settings: { password: 'pw-2', clientSecret: 'cs-1' }, clientSecret: 'cs-2' }, 'a')
    logger.info({ key: { private_key: '-----BEGIN PRIVATE KEY-----abc' }, accessToken: 'tok-1', oauth: { access_token: 'tok-2' } }, 'b')
    logger.info({ request: { headers: { cookie: 'session=abc', authorization: 'Bearer xyz' } }, apiKey: 'mg_live_key', row: { secrets: 'sealed-blob' } }, 'c')
    const text = lines.join('')
    for (const secret of secrets) expect(text).not.toContain(secret)
    expect(text.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(secrets.length)
  })
})
