import 'server-only'
import { env } from '@/lib/env'
import { mailOptionsFor } from '@/lib/mail/server/compose'
import { classifySmtpError, errorContextFor } from '@/lib/mail/server/smtp-error'
import { getPooledTransport } from '@/lib/mail/server/transport-cache'
import type { TClaimedMessage } from './claim'
import type { TDeliveryOutcome } from './outcome'
import { isPastRetryWindow, retryDelayMs } from './retry-policy'
import type { TSendingProvider } from './sending-provider'

export type { TDeliveryOutcome } from './outcome'

const UNREADABLE_PROVIDER = 'The email provider settings could not be read (for example, a saved password sealed with an unknown key): save the settings again'

/** Sends one claimed message through the organization's provider; transient failures are retried later, permanent ones are final. */
export async function deliverMessage(message: TClaimedMessage, lookUpProvider: () => Promise<TSendingProvider>): Promise<TDeliveryOutcome> {
  let provider: TSendingProvider
  try {
    provider = await lookUpProvider()
  } catch (error) {
    console.error('[outbox] provider lookup failed', error instanceof Error ? error.message : error)
    return retryOrGiveUp(message, 'unknown', UNREADABLE_PROVIDER)
  }
  if (provider.kind === 'capture') return { status: 'captured', provider: provider.label }
  try {
    const transport = await getPooledTransport(provider.cacheKey, provider.settings, { allowPrivateHosts: provider.allowPrivateHosts, tuning: provider.tuning })
    await transport.sendMail({
      ...mailOptionsFor({
        from: provider.from,
        replyTo: provider.replyTo,
        to: message.toAddress,
        subject: message.subject,
        html: message.html,
        text: message.text,
      }),
      messageId: message.messageId,
    })
    return { status: 'sent', provider: provider.label }
  } catch (error) {
    const failure = classifySmtpError(error, errorContextFor(provider.settings, provider.tuning))
    const reason = failure.code ? `${failure.message} (${failure.code})` : failure.message
    if (failure.isPermanent) return { status: 'failed', provider: provider.label, error: reason }
    return retryOrGiveUp(message, provider.label, reason)
  }
}

function retryOrGiveUp(message: TClaimedMessage, provider: string, reason: string): TDeliveryOutcome {
  if (isPastRetryWindow(message.createdAt)) return { status: 'failed', provider, error: `Gave up after 24 hours: ${reason}` }
  return { status: 'retrying', provider, error: reason, nextAttemptAt: new Date(Date.now() + retryDelayMs(message.attempts, env.OUTBOX_RETRY_BASE_MS)) }
}
