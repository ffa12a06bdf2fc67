import 'server-only'
import { composeMessage } from './compose'
import { DiagnosticSession } from './diagnose-session'
import { capabilitiesOf, openTcp, probeImplicitTls, tlsDetail } from './diagnose-probes'
import { classifySmtpError, errorContextFor } from './smtp-error'
import { hasCredentials, isImplicitTls, smtpOptionsFor, timeoutsFor, type TSmtpTuning } from './transport'
import type { TDiagnosticStep, TMailMessage, TSmtpFailure, TSmtpSettings, TSmtpStage } from '@/lib/mail/types'
import { resolveSmtpHost } from '@/lib/server/net/resolve-smtp-host'

// "Send test email": one message over a fresh connection, reporting each stage of the session.
// The connection options come from smtpOptionsFor, so what passes here passes in real sending.

export type TDiagnosticResult =
  { ok: true; reply: string; durationMs: number; steps: TDiagnosticStep[] } | { ok: false; error: TSmtpFailure; durationMs: number; steps: TDiagnosticStep[] }

// A TLS server answers a ClientHello within one round trip; a silent port costs the full wait, after the greeting
// timeout, so greeting (8 s) + probe + DNS, TCP and the page must stay under the 10 s promised for every failure.
const TLS_PROBE_MS = 1_000

export type TDiagnoseOptions = { allowPrivateHosts?: boolean; tuning?: TSmtpTuning }

/** Sends one message and returns the outcome with an ordered list of session stages (dns … data). */
export async function sendWithDiagnostics(settings: TSmtpSettings, message: TMailMessage, options: TDiagnoseOptions = {}): Promise<TDiagnosticResult> {
  const startedAt = performance.now()
  const steps: TDiagnosticStep[] = []
  const context = errorContextFor(settings, options.tuning)
  const ok = (stage: TSmtpStage, detail: string) => steps.push({ stage, status: 'ok', detail })
  const skip = (stage: TSmtpStage, detail: string) => steps.push({ stage, status: 'skipped', detail })
  const finish = (error: TSmtpFailure): TDiagnosticResult => {
    const index = steps.findIndex((step) => step.stage === error.stage)
    const failed: TDiagnosticStep = {
      stage: error.stage,
      status: 'failed',
      detail: error.message,
      hint: error.hint,
      ...(error.code ? { code: error.code } : {}),
      ...(error.reply ? { reply: error.reply } : {}),
    }
    if (index >= 0) steps.splice(index, steps.length - index, failed)
    else steps.push(failed)
    return { ok: false, error, durationMs: Math.round(performance.now() - startedAt), steps }
  }

  const timeouts = timeoutsFor(options.tuning)
  let session: DiagnosticSession | null = null
  try {
    const target = await resolveSmtpHost(settings.host, { allowPrivateHosts: options.allowPrivateHosts, timeoutMs: timeouts.dnsTimeout })
    ok('dns', target.servername ? `${target.host} resolved to ${target.address}` : `IP address ${target.address}, no lookup needed`)
    const smtpOptions = smtpOptionsFor(settings, target, options.tuning)
    const socket = await openTcp(target.address, settings.port, timeouts.connectionTimeout)
    ok('tcp', `Connected to ${target.address} port ${settings.port}`)

    session = new DiagnosticSession(smtpOptions, socket)
    const implicitTls = isImplicitTls(settings.port, options.tuning)
    try {
      await session.connect()
    } catch (error) {
      if (session.tls) ok('tls', tlsDetail(session.tls, implicitTls))
      const timeoutType = (error as { timeoutType?: string }).timeoutType
      const portSpeaksTls =
        !implicitTls &&
        timeoutType === 'GREETING_TIMEOUT' &&
        (await probeImplicitTls(target.address, settings.port, smtpOptions, Math.min(TLS_PROBE_MS, timeouts.greetingTimeout)))
      return finish(classifySmtpError(error, { ...context, portSpeaksTls }))
    }
    const ehlo = session.ehloReplies()
    const offeredStartTls = !implicitTls && /[ -]STARTTLS\b/i.test(ehlo[0] ?? '')
    if (session.tls) ok('tls', tlsDetail(session.tls, implicitTls))
    else skip('tls', 'The server does not offer STARTTLS: the message travels unencrypted (no credentials are sent)')
    ok('ehlo', `Capabilities: ${capabilitiesOf(ehlo.at(-1) ?? '', offeredStartTls).join(', ') || 'none'}`)

    if (!hasCredentials(settings)) skip('auth', 'No username configured: sending without logging in')
    else if (!session.offersAuth) skip('auth', 'The server does not offer AUTH, so the credentials were not used')
    else {
      try {
        await session.login(settings.username ?? '', settings.password ?? '')
      } catch (error) {
        return finish({ ...classifySmtpError(error, context), stage: 'auth' })
      }
      ok('auth', `Logged in as ${settings.username}${replySuffix(session.replyTo('AUTH'), /^235/)}`)
    }

    const composed = await composeMessage(message)
    try {
      const info = await session.send(composed.envelope, composed.raw)
      ok('mail', `Sender <${composed.envelope.from}> accepted${replySuffix(session.replyTo('MAIL FROM'))}`)
      ok('rcpt', `Recipient <${composed.envelope.to.join('>, <')}> accepted${replySuffix(session.replyTo('RCPT TO'))}`)
      ok('data', `Message accepted: ${info.response}`)
      return { ok: true, reply: info.response, durationMs: Math.round(performance.now() - startedAt), steps }
    } catch (error) {
      const failure = inTransaction(classifySmtpError(error, context), session)
      if (failure.stage === 'rcpt' || failure.stage === 'data') ok('mail', `Sender <${composed.envelope.from}> accepted`)
      if (failure.stage === 'data') ok('rcpt', `Recipient <${composed.envelope.to.join('>, <')}> accepted`)
      return finish(failure)
    }
  } catch (error) {
    return finish(classifySmtpError(error, context))
  } finally {
    session?.close()
  }
}

// A dropped connection is reported on the transaction step it interrupted.
function inTransaction(failure: TSmtpFailure, session: DiagnosticSession): TSmtpFailure {
  if (failure.stage === 'mail' || failure.stage === 'rcpt' || failure.stage === 'data') return failure
  const stage = !session.replyTo('MAIL FROM') ? 'mail' : !session.replyTo('RCPT TO') ? 'rcpt' : 'data'
  return { ...failure, stage }
}

function replySuffix(reply: string | undefined, expected = /^2/): string {
  return reply && expected.test(reply) ? ` (${reply.split('\n')[0]})` : ''
}
