import 'server-only'
import { env } from '@/lib/env'
import { sendMessage, type TSendOutcome } from '@/lib/mail/server/transports'
import type { TSmtpFailure } from '@/lib/mail/types'
import type { TClaimedMessage } from '../outbox/claim'
import { isOrgLevelStage } from '../health/failure-scope'
import { isPastRetryWindow, retryDelayMs } from './retry-policy'
import type { TMailProvider, TSendingProvider } from './sending-provider'
import { getLogger } from '@/lib/server/logger'

export type { TDeliveryOutcome } from './outcome'

/** How one attempt went, before it becomes a recorded outcome: the worker decides what an org-level failure means. */
export type TAttempt =
  | { status: 'sent' | 'captured'; provider: string; providerMessageId?: string }
  | { status: 'failed'; provider: string; error: string }
  /** retryAfterMs: the service asked us to wait this long (Retry-After) */
  | { status: 'retrying'; provider: string; error: string; retryAfterMs?: number }
  | { status: 'org-failure'; provider: string; error: string; failure: Pick<TSmtpFailure, 'message' | 'hint'> }

const UNREADABLE_PROVIDER = {
  message: 'The email provider settings could not be read (for example, a saved password sealed with an unknown key)',
  hint: 'Save the settings again',
}

const DEADLINE_FAILURE = {
  message: 'The server did not finish the delivery in time (it kept the connection open without completing the exchange)',
  hint: 'Check the host and port: they may point at something other than a working SMTP server',
}

/**
 * One attempt to send a claimed message through a provider, ended by a hard deadline that aborts it (the connection
 * carrying it is closed): nodemailer's socket timeout never fires for a server that keeps trickling replies.
 */
export async function attemptDelivery(
  message: TClaimedMessage,
  lookUpProvider: () => Promise<TSendingProvider>,
  deadlineMs = env.OUTBOX_SEND_DEADLINE_MS,
): Promise<TAttempt> {
  let provider: TSendingProvider
  try {
    provider = await lookUpProvider()
  } catch (error) {
    getLogger().error({ error: error instanceof Error ? error.message : String(error) }, '[outbox] provider lookup failed')
    return { status: 'org-failure', provider: 'unknown', error: UNREADABLE_PROVIDER.message, failure: UNREADABLE_PROVIDER }
  }
  if (provider.kind === 'capture') return { status: 'captured', provider: provider.label }
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort()
      resolve('deadline')
    }, deadlineMs)
  })
  try {
    const result = await Promise.race([sendThrough(provider, message, controller.signal), deadline])
    if (result === 'deadline' || (!result.ok && controller.signal.aborted))
      return { status: 'org-failure', provider: provider.label, error: DEADLINE_FAILURE.message, failure: DEADLINE_FAILURE }
    if (result.ok) return { status: 'sent', provider: provider.label, ...(result.providerMessageId ? { providerMessageId: result.providerMessageId } : {}) }
    const { failure, retryAfterMs } = result
    const reason = failure.code ? `${failure.message} (${failure.code})` : failure.message
    if (failure.scope === 'organization' || isOrgLevelStage(failure.stage)) return { status: 'org-failure', provider: provider.label, error: reason, failure }
    if (failure.isPermanent) return { status: 'failed', provider: provider.label, error: reason }
    return { status: 'retrying', provider: provider.label, error: reason, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) }
  } finally {
    clearTimeout(timer)
  }
}

function sendThrough(provider: TMailProvider, message: TClaimedMessage, signal: AbortSignal): Promise<TSendOutcome> {
  const mail = {
    from: provider.from,
    replyTo: provider.replyTo,
    to: message.toAddress,
    subject: message.subject,
    html: message.html,
    text: message.text,
    messageId: message.messageId,
  }
  // aborting (the deadline) fails this message and closes the connection carrying it; the pool goes on
  return sendMessage(provider.transport, mail, { cacheKey: provider.cacheKey, allowPrivateHosts: provider.allowPrivateHosts, signal })
}

/** A transient failure: try again after the backoff (or the service's Retry-After), or give up once the message is a day old. */
export function retryOrGiveUp(message: TClaimedMessage, provider: string, reason: string, now = Date.now(), retryAfterMs?: number) {
  if (isPastRetryWindow(message.createdAt, now)) return { status: 'failed' as const, provider, error: `Gave up after 24 hours: ${reason}` }
  const delayMs = retryAfterMs ?? retryDelayMs(message.attempts, env.OUTBOX_RETRY_BASE_MS)
  return { status: 'retrying' as const, provider, error: reason, nextAttemptAt: new Date(now + delayMs) }
}
