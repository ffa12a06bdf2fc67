import 'server-only'
import { env } from '@/lib/env'
import { mailOptionsFor } from '@/lib/mail/compose'
import { classifySmtpError, errorContextFor } from '@/lib/mail/smtp-error'
import { getPooledTransport } from '@/lib/mail/transport-cache'
import type { TClaimedMessage } from './claim'
import { isPastRetryWindow, retryDelayMs } from './retry-policy'
import type { TSendingProvider } from './sending-provider'

export type TDeliveryOutcome =
  | { status: 'sent' | 'captured'; provider: string }
  | { status: 'retrying'; provider: string; error: string; nextAttemptAt: Date }
  | { status: 'failed'; provider: string; error: string }

/** Sends one claimed message through `provider`; transient failures are retried later, permanent ones are final. */
export async function deliverMessage(message: TClaimedMessage, provider: TSendingProvider): Promise<TDeliveryOutcome> {
  if (provider.kind === 'capture') return { status: 'captured', provider: provider.label }
  try {
    const transport = await getPooledTransport(provider.cacheKey, provider.settings, { allowPrivateHosts: provider.allowPrivateHosts, tuning: provider.tuning })
    await transport.sendMail({
      ...mailOptionsFor({ from: provider.from, replyTo: provider.replyTo, to: message.toAddress, subject: message.subject, html: message.html, text: message.text }),
      messageId: message.messageId,
    })
    return { status: 'sent', provider: provider.label }
  } catch (error) {
    const failure = classifySmtpError(error, errorContextFor(provider.settings, provider.tuning))
    const reason = failure.code ? `${failure.message} (${failure.code})` : failure.message
    if (failure.isPermanent) return { status: 'failed', provider: provider.label, error: reason }
    if (isPastRetryWindow(message.createdAt)) return { status: 'failed', provider: provider.label, error: `Gave up after 24 hours: ${reason}` }
    return { status: 'retrying', provider: provider.label, error: reason, nextAttemptAt: new Date(Date.now() + retryDelayMs(message.attempts, env.OUTBOX_RETRY_BASE_MS)) }
  }
}
