import { test } from '@playwright/test'
import { E2E_DEFAULT_SMTP } from '../../../playwright.config'
import { startSmtpServer, type TReceivedMail, type TTestSmtpServer } from '../../support/smtp-server'

/** The first link in a received email's plain text that starts with `prefix`. */
export function linkIn(mail: TReceivedMail, prefix: string): string {
  const link = (mail.parsed.text ?? '').split(/\s+/).find((word) => word.startsWith(prefix))
  if (!link) throw new Error(`no ${prefix}… link in: ${mail.parsed.text}`)
  return link
}

/**
 * The platform's default provider while this spec file runs (the servers' DEFAULT_SMTP_URL points at it): what it
 * received for `address`. Invitations, alerts and admins' verification emails arrive here.
 */
export function platformInbox() {
  let server: TTestSmtpServer | undefined
  test.beforeAll(async () => {
    server = await startSmtpServer('starttls-auth', E2E_DEFAULT_SMTP, E2E_DEFAULT_SMTP.port)
  })
  test.afterAll(async () => {
    await server?.close()
  })
  return { mailsTo: (address: string) => (server?.received ?? []).filter((mail) => mail.rcptTo.includes(address)) }
}
