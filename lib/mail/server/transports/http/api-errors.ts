import 'server-only'
import type { TSmtpFailure } from '@/lib/mail/types'
import { ApiNetworkError, type TApiAnswer } from './api-client'

/** A failure in the shared vocabulary, with how long the service asked us to wait. */
export type TApiFailure = { failure: TSmtpFailure; retryAfterMs?: number }

const MAX_RETRY_AFTER_MS = 60 * 60_000
const CERTIFICATE_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|HOSTNAME|ALTNAME/

/** Retry-After (seconds, or an HTTP date) in milliseconds, capped at an hour; undefined when absent or unreadable. */
export function retryAfterMsOf(answer: TApiAnswer, now = Date.now()): number | undefined {
  const value = answer.headers.get('retry-after')?.trim()
  if (!value) return undefined
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : undefined
}

/** A failure before any answer (lookup, refused or silent port, TLS), for a service `name`d in the words. */
export function networkFailure(error: unknown, name: string, host: string): TSmtpFailure {
  const code = error instanceof ApiNetworkError ? error.code : (error as { code?: string } | null)?.code
  if (error instanceof ApiNetworkError && error.step === 'resolve') {
    return {
      field: null,
      stage: 'resolve',
      message: `${host} could not be looked up: ${error.message}`,
      hint: `This is usually a temporary DNS problem on our side: messages are held and sent once ${name} is reachable`,
      isPermanent: false,
    }
  }
  if (code && CERTIFICATE_CODES.test(code)) {
    return {
      field: null,
      stage: 'connect',
      message: `The certificate of ${host} could not be verified (${code})`,
      hint: 'Something between us and the service intercepts TLS: messages are held until the certificate checks out',
      isPermanent: false,
    }
  }
  if (code === 'ETIMEDOUT') {
    return {
      field: null,
      stage: 'connect',
      message: `${name} did not answer in time`,
      hint: `Messages are held and sent once ${name} answers again`,
      isPermanent: false,
    }
  }
  return {
    field: null,
    stage: 'connect',
    message: `Could not connect to ${host}${code ? ` (${code})` : ''}`,
    hint: `Outbound HTTPS to ${host} may be blocked here; messages are held and sent once it is reachable`,
    isPermanent: false,
  }
}
