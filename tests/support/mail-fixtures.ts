// Settings and messages the mail integration tests share.
import type { TMailMessage, TSmtpSettings } from '@/lib/mail/types'
import { TEST_USER } from './smtp-server'

/** Settings pointing at a fixture on 127.0.0.1 through the name `localhost`, with the test login. */
export function fixtureSettings(port: number, overrides: Partial<TSmtpSettings> = {}): TSmtpSettings {
  return { host: 'localhost', port, username: TEST_USER.username, password: TEST_USER.password, ...overrides }
}

/** A message whose display names need quoting and encoding in headers. */
export function testMessage(overrides: Partial<TMailMessage> = {}): TMailMessage {
  return {
    from: { name: 'Ops "Night" Desk, Zürich', address: 'no-reply@example.test' },
    replyTo: { name: 'Support, Team «B»', address: 'support@example.test' },
    to: 'recipient@example.test',
    subject: 'Test email: ünïcödé ✓',
    text: 'Plain text body',
    html: '<p>HTML body</p>',
    ...overrides,
  }
}
