import 'server-only'
import type { TSmtpFailure } from '@/lib/mail/types'
import type { TApiAnswer } from '../http/api-client'
import { networkFailure, retryAfterMsOf, type TApiFailure } from '../http/api-errors'

// Postmark's answers in plain words, from its documented error codes
// (https://postmarkapp.com/developer/api/overview#error-codes): an HTTP status and a JSON body { ErrorCode, Message }.

type TPostmarkError = { ErrorCode?: number; Message?: string }

const KEY_HINT = 'Copy the Server API token from your Postmark server (Servers › your server › API Tokens) into API key'

/** Postmark's JSON error body, or an empty one for anything else (e.g. an HTML 403 from a firewall). */
export function postmarkErrorOf(answer: TApiAnswer): TPostmarkError {
  try {
    const parsed: unknown = JSON.parse(answer.body)
    return typeof parsed === 'object' && parsed !== null ? (parsed as TPostmarkError) : {}
  } catch {
    return {}
  }
}

/** A refused request (`step`: the authenticated read or the send) as a failure at the right field. */
export function postmarkFailure(answer: TApiAnswer, step: 'authenticate' | 'send'): TApiFailure {
  const { ErrorCode: code, Message: said } = postmarkErrorOf(answer)
  const reply = said ? `Postmark: ${said.slice(0, 300)}` : `HTTP ${answer.status}`
  const fail = (failure: Omit<TSmtpFailure, 'reply' | 'code'>): TApiFailure => ({ failure: { ...failure, reply, code: answer.status } })
  if (answer.status === 401 || code === 10) {
    return fail({
      field: 'apiKey',
      stage: 'authenticate',
      message: 'Postmark refused the API key (wrong or revoked Server API token)',
      hint: KEY_HINT,
      isPermanent: true,
    })
  }
  if (answer.status === 429 || code === 429) {
    return {
      ...fail({ field: null, stage: step, message: 'Postmark is rate limiting this server', hint: 'Messages are sent again shortly', isPermanent: false }),
      retryAfterMs: retryAfterMsOf(answer),
    }
  }
  if (answer.status >= 500 || code === 100) {
    return {
      ...fail({
        field: null,
        stage: step,
        message: `Postmark could not take the message right now (HTTP ${answer.status})`,
        hint: 'Messages are sent again shortly',
        isPermanent: false,
      }),
      retryAfterMs: retryAfterMsOf(answer),
    }
  }
  if (code === 406) {
    return fail({
      field: 'recipient',
      stage: 'send',
      message: 'Postmark will not send to this address: it bounced or complained before (inactive recipient)',
      hint: 'Reactivate the address in Postmark (Suppressions) if the person asks for mail again',
      isPermanent: true,
    })
  }
  if (code === 412) {
    return fail({
      field: 'recipient',
      stage: 'send',
      message: "Postmark is still approving this account: until then it only sends to addresses at the From Address's domain",
      hint: 'Send to an address at your own domain, or ask Postmark to approve the account',
      isPermanent: true,
    })
  }
  if (code === 400 || code === 401 || (code === 300 && /\bfrom\b|sender signature/i.test(said ?? ''))) {
    return fail({
      field: 'fromAddress',
      stage: 'send',
      scope: 'organization',
      message: 'Postmark refused the From Address: it is not a confirmed Sender Signature or verified domain',
      hint: 'Add and confirm the address or its domain in Postmark (Sender Signatures), or use one that is',
      isPermanent: true,
    })
  }
  if (code === 405 || code === 413) {
    return fail({
      field: null,
      stage: 'send',
      scope: 'organization',
      message: 'Postmark does not let this account send right now',
      hint: 'Check the account in Postmark: it may be paused or out of credits',
      isPermanent: true,
    })
  }
  if (code === 300) {
    return fail({
      field: 'recipient',
      stage: 'send',
      message: 'Postmark refused the message: an address in it is not valid',
      hint: 'Check the recipient address',
      isPermanent: true,
    })
  }
  return fail({
    field: null,
    stage: step,
    message: `Postmark refused the request (HTTP ${answer.status}${code ? `, error ${code}` : ''})`,
    hint: 'See the reply from Postmark',
    isPermanent: answer.status >= 400 && answer.status < 500,
  })
}

export { networkFailure }
