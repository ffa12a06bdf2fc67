import 'server-only'
import { findTestRecipientFacts } from '@/lib/members/server/store'
import { consumeRateLimits, RATE_LIMIT_POLICIES } from '@/lib/server/rate-limit'

export const OUTSIDE_RECIPIENTS_PER_DAY = RATE_LIMIT_POLICIES['test-email-outside-org'].points

export type TRecipientRefusal = { ok: false; code: 'recipient-refused'; message: string; retryAfterSeconds?: number }

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase()

/**
 * Whom a test email may go to. Unsaved settings can point anywhere, so the console must not become a way to send
 * spoofed mail: until an owner has verified their address, only to the sender's own address; after that, addresses
 * that are neither members nor on the From Address's domain count against a daily cap per organization.
 */
export async function checkTestRecipient(orgId: string, actorId: string, recipient: string, fromAddress: string): Promise<{ ok: true } | TRecipientRefusal> {
  const facts = await findTestRecipientFacts(orgId, actorId, recipient)
  if (!facts.ownerVerified) {
    if (facts.ownAddress && facts.ownAddress.toLowerCase() === recipient.toLowerCase()) return { ok: true }
    const own = facts.ownAddress ? `your own address, ${facts.ownAddress}` : 'your own address'
    return {
      ok: false,
      code: 'recipient-refused',
      message: `Until an owner of this organization has verified their email address, test emails go only to ${own}.`,
    }
  }
  if (facts.isMember || domainOf(recipient) === domainOf(fromAddress)) return { ok: true }
  const limit = await consumeRateLimits([['test-email-outside-org', orgId]])
  if (limit.ok) return { ok: true }
  const message = `Test emails to addresses that are neither members nor on the From Address's domain are limited to ${OUTSIDE_RECIPIENTS_PER_DAY} a day. Send to a member or an address on the From Address's domain, or try again in ${hoursOf(limit.retryAfterSeconds)}.`
  return { ok: false, code: 'recipient-refused', message, retryAfterSeconds: limit.retryAfterSeconds }
}

const hoursOf = (seconds: number) => (seconds < 3600 ? `${Math.max(1, Math.ceil(seconds / 60))} minutes` : `${Math.ceil(seconds / 3600)} hours`)
