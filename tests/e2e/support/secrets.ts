import { randomBytes } from 'node:crypto'

/** Every SMTP password the e2e tests type contains this marker; the server log must never contain it. */
export const SECRET_MARKER = 'Sup3r-Secret'

/** A fresh SMTP password carrying the marker. */
export function smtpPassword(): string {
  return `${SECRET_MARKER}-${randomBytes(6).toString('hex')}`
}
