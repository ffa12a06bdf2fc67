import type { TReceivedMail } from '../../support/smtp-server'

/** The first link in a received email's plain text that starts with `prefix`. */
export function linkIn(mail: TReceivedMail, prefix: string): string {
  const link = (mail.parsed.text ?? '').split(/\s+/).find((word) => word.startsWith(prefix))
  if (!link) throw new Error(`no ${prefix}… link in: ${mail.parsed.text}`)
  return link
}
