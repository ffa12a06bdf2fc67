// Settings and messages the mail integration tests share.
import type { TMailMessage, TSmtpAuth, TSmtpSettings } from '@/lib/mail/types'
import { TEST_USER } from './smtp-server'

/** No sign-in. */
export const NO_AUTH: TSmtpAuth = { kind: 'none' }

/** The test login, or the test username with another password. */
export function passwordAuth(password: string = TEST_USER.password): TSmtpAuth {
  return { kind: 'password', username: TEST_USER.username, password }
}

/** Settings pointing at a fixture on 127.0.0.1 through the name `localhost`: security `auto`, the test login. */
export function fixtureSettings(port: number, overrides: Partial<TSmtpSettings> = {}): TSmtpSettings {
  return { host: 'localhost', port, security: 'auto', auth: passwordAuth(), ...overrides }
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
