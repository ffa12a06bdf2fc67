import 'server-only'
import { randomUUID } from 'node:crypto'

// A Message-ID names the sender's domain: the From Address's, never the app's host (an IP literal there counts
// against the mail at some receivers).

/** The domain of an address, or null when it has none or it is an address literal such as [127.0.0.1]. */
function senderDomainOf(address: string): string | null {
  const domain = address.slice(address.lastIndexOf('@') + 1).trim()
  return domain && !domain.startsWith('[') && address.includes('@') ? domain.toLowerCase() : null
}

/** A new Message-ID at the sender's domain. */
export function newMessageId(fromAddress: string): string {
  return `<${randomUUID()}@${senderDomainOf(fromAddress) ?? 'localhost'}>`
}

/** The same Message-ID (its unique part kept, so retries stay one message) at the sender's domain. */
export function atSenderDomain(messageId: string, fromAddress: string): string {
  const domain = senderDomainOf(fromAddress)
  const unique = /^<?([^@<>]+)@[^<>]*>?$/.exec(messageId.trim())?.[1]
  return domain && unique ? `<${unique}@${domain}>` : messageId
}
