import 'server-only'
import type { TLSSocket } from 'node:tls'
import type { TApiStage, TDiagnosticStep, TSmtpFailure } from '@/lib/mail/types'
import type { TDiagnosticResult } from '../types'

// The test email's step list for an HTTP API: Resolve → Connect → Authenticate → Send → Accepted.

/** Collects the steps of one test email; a failure replaces the step it happened on and ends the list. */
export class ApiSteps {
  readonly steps: TDiagnosticStep[] = []
  private readonly startedAt = performance.now()
  /** The step in progress (what a deadline interrupts). */
  current: TApiStage = 'resolve'

  ok(stage: TApiStage, detail: string): void {
    this.steps.push({ stage, status: 'ok', detail })
  }

  warn(stage: TApiStage, detail: string): void {
    this.steps.push({ stage, status: 'warning', detail })
  }

  failed(error: TSmtpFailure): Extract<TDiagnosticResult, { ok: false }> {
    const step: TDiagnosticStep = {
      stage: error.stage,
      status: 'failed',
      detail: error.message,
      hint: error.hint,
      ...(error.code ? { code: error.code } : {}),
      ...(error.reply ? { reply: error.reply } : {}),
    }
    const index = this.steps.findIndex((existing) => existing.stage === error.stage)
    return { ok: false, error, durationMs: this.elapsed(), steps: [...(index >= 0 ? this.steps.slice(0, index) : this.steps), step] }
  }

  accepted(reply: string, providerMessageId: string): Extract<TDiagnosticResult, { ok: true }> {
    return { ok: true, reply, providerMessageId, durationMs: this.elapsed(), steps: this.steps }
  }

  private elapsed(): number {
    return Math.round(performance.now() - this.startedAt)
  }
}

/** "TLS 1.3 (TLS_AES_256_GCM_SHA384); certificate for api.postmarkapp.com issued by …, verified" */
export function tlsSummary(socket: TLSSocket): string {
  const certificate = socket.getPeerCertificate()
  const subject = certificate.subject?.CN ?? certificate.subjectaltname ?? 'the host'
  const issuer = certificate.issuer?.O ?? certificate.issuer?.CN ?? 'an unknown issuer'
  return `${socket.getProtocol() ?? 'TLS'} (${socket.getCipher().name}); certificate for ${subject} issued by ${issuer}, verified`
}

/** The deadline in words, on the step it interrupted. */
export function apiDeadlineFailure(stage: TApiStage, name: string, deadlineMs: number): TSmtpFailure {
  return {
    field: null,
    stage,
    message: `${name} did not finish within ${Math.round(deadlineMs / 1000)} seconds`,
    hint: `${name} may be slow or unreachable from here: try again in a minute`,
    isPermanent: false,
  }
}
