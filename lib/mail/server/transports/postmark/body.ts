import 'server-only'
import { atSenderDomain, newMessageId } from '@/lib/mail/server/message-id'
import type { TMailbox, TMailMessage } from '@/lib/mail/types'

// The JSON Postmark's POST /email takes (https://postmarkapp.com/developer/user-guide/send-email-with-api): From and
// To accept "Name <address>", ReplyTo, Subject, HtmlBody, TextBody, and our Message-ID as a custom header so the
// message is the same one across retries and methods.

export type TPostmarkEmail = {
  From: string
  To: string
  ReplyTo?: string
  Subject: string
  HtmlBody: string
  TextBody: string
  Headers: { Name: string; Value: string }[]
  MessageStream: 'outbound'
}

/** A mailbox as Postmark reads it: a quoted display name (quotes and backslashes escaped), then the address. */
export function mailboxText(mailbox: TMailbox): string {
  const name = mailbox.name?.trim()
  return name ? `"${name.replace(/["\\]/g, '\\$&')}" <${mailbox.address}>` : mailbox.address
}

/** The request body for one message. */
export function postmarkEmailOf(message: TMailMessage): TPostmarkEmail {
  const messageId = message.messageId ? atSenderDomain(message.messageId, message.from.address) : newMessageId(message.from.address)
  return {
    From: mailboxText(message.from),
    To: message.to,
    ...(message.replyTo ? { ReplyTo: mailboxText(message.replyTo) } : {}),
    Subject: message.subject,
    HtmlBody: message.html,
    TextBody: message.text,
    Headers: [{ Name: 'Message-ID', Value: messageId }],
    MessageStream: 'outbound',
  }
}
