// The test email's deadline in words: where the session stopped, and the limit in seconds.
import { describe, expect, it } from 'vitest'
import { deadlineFailure } from '@/lib/mail/server/diagnose-deadline'

describe('deadlineFailure', () => {
  it('a session that never got connected: the server could not be reached, on the host or port', () => {
    expect(deadlineFailure('dns', 15_000)).toMatchObject({ field: 'host', stage: 'dns', message: 'The server could not be reached within 15 seconds' })
    expect(deadlineFailure('tcp', 15_000)).toMatchObject({ field: 'port', stage: 'tcp', message: 'The server could not be reached within 15 seconds' })
  })

  it('a connected server that never finished: it kept the connection open, on the step it held', () => {
    for (const stage of ['tls', 'ehlo', 'auth', 'mail', 'rcpt', 'data'] as const) {
      expect(deadlineFailure(stage, 15_000)).toEqual({
        field: null,
        stage,
        message: 'The server did not finish the test email within 15 seconds (it kept the connection open without completing the exchange)',
        hint: 'Check the host and port: they may point at something other than a working SMTP server',
        isPermanent: false,
      })
    }
  })

  it('says the limit in seconds', () => {
    expect(deadlineFailure('ehlo', 1_000).message).toContain('within 1 second ')
    expect(deadlineFailure('ehlo', 2_500).message).toContain('within 2.5 seconds ')
  })
})
