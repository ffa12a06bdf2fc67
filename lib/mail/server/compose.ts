import 'server-only'
import MailComposer from 'nodemailer/lib/mail-composer'
import type { MailComposerOptions } from 'nodemailer'
import { atSenderDomain } from '@/lib/mail/server/message-id'
import type { TMailMessage } from '@/lib/mail/types'

/** nodemailer message fields: mailboxes stay { name, address } objects so nodemailer encodes display names. */
export function mailOptionsFor(message: TMailMessage): MailComposerOptions {
  return {
    from: { name: message.from.name, address: message.from.address },
    ...(message.replyTo ? { replyTo: { name: message.replyTo.name ?? '', address: message.replyTo.address } } : {}),
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    // without one, nodemailer makes one at the From Address's domain too
    ...(message.messageId ? { messageId: atSenderDomain(message.messageId, message.from.address) } : {}),
    // our content never references files or URLs to inline
    disableFileAccess: true,
    disableUrlAccess: true,
  }
}

/** Builds the MIME source of a message and the SMTP envelope it goes out with. */
export async function composeMessage(message: TMailMessage): Promise<{ raw: Buffer; envelope: { from: string; to: string[] }; messageId: string }> {
  const node = new MailComposer(mailOptionsFor(message)).compile()
  const envelope = node.getEnvelope()
  const raw = await node.build()
  return { raw, envelope: { from: envelope.from || '', to: envelope.to }, messageId: node.messageId() }
}
