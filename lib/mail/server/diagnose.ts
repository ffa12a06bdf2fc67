import 'server-only'
import { getAccessToken, invalidateAccessToken } from '@/lib/mail/server/oauth'
import { env } from '@/lib/env'
import type { TDiagnosticStep, TMailMessage, TResolvedSecurity, TSmtpFailure, TSmtpSettings, TSmtpStage } from '@/lib/mail/types'
import { resolveSmtpHost } from '@/lib/server/net/resolve-smtp-host'
import { composeMessage } from './compose'
import { deadlineFailure, startDeadline } from './diagnose-deadline'
import { DiagnosticSession } from './diagnose-session'
import { capabilitiesOf, openTcp, probeImplicitTls, tlsDetail } from './diagnose-probes'
import { resolveSecurity, SECURITY_PROBE_MS, tlsOptionsFor } from './security'
import { classifySmtpError, errorContextFor, serverReplyForAdmins, type TErrorContext } from './smtp-error'
import { smtpOptionsFor, timeoutsFor, type TSmtpTuning } from './transport'
import { isRefusedToken, recentAccessToken, tokenEndpointHost, xoauth2For, type TOAuth2Auth } from './xoauth2'

// "Send test email": one message over a fresh connection, reporting each stage of the session.
// The connection options come from resolveSecurity and smtpOptionsFor, so what passes here passes in real sending.

export type TDiagnosticResult =
  { ok: true; reply: string; durationMs: number; steps: TDiagnosticStep[] } | { ok: false; error: TSmtpFailure; durationMs: number; steps: TDiagnosticStep[] }

export type TDiagnoseOptions = {
  allowPrivateHosts?: boolean
  tuning?: TSmtpTuning
  /** Hard limit on the whole session; a server still talking then is cut off (default TEST_EMAIL_DEADLINE_MS). */
  deadlineMs?: number
}

// Runs alongside DNS, TCP, TLS and EHLO, so a silent token endpoint stays within the 10 s promised for every failure.
const TOKEN_TIMEOUT_MS = 8_000

type TEnvelope = Awaited<ReturnType<typeof composeMessage>>['envelope']

type TSettled<T> = { ok: true; value: T } | { ok: false; error: unknown }

/** Sends one message and returns the outcome with an ordered list of session stages (dns … data). */
export async function sendWithDiagnostics(settings: TSmtpSettings, message: TMailMessage, options: TDiagnoseOptions = {}): Promise<TDiagnosticResult> {
  const startedAt = performance.now()
  const steps: TDiagnosticStep[] = []
  const { auth } = settings
  const { allowPrivateHosts, tuning, deadlineMs = env.TEST_EMAIL_DEADLINE_MS } = options
  let context = errorContextFor(settings, tuning)
  const deadline = startDeadline(deadlineMs)
  // once the deadline passed, what the abandoned session still does is not reported
  const report = (...reached: TDiagnosticStep[]) => {
    if (!deadline.expired) steps.push(...reached)
  }
  const ok = (stage: TSmtpStage, detail: string) => report({ stage, status: 'ok', detail })
  const skip = (stage: TSmtpStage, detail: string) => report({ stage, status: 'skipped', detail })
  const finish = (error: TSmtpFailure, reported = steps): Extract<TDiagnosticResult, { ok: false }> => ({
    ok: false,
    error,
    durationMs: Math.round(performance.now() - startedAt),
    steps: withFailedStep(reported, error),
  })

  const timeouts = timeoutsFor(tuning)
  // what the deadline needs to name the step it interrupted, and the session to close
  const progress: { security: TResolvedSecurity | null; session: DiagnosticSession | null; envelope: TEnvelope | null } = {
    security: null,
    session: null,
    envelope: null,
  }

  const converse = async (): Promise<TDiagnosticResult> => {
    const target = await resolveSmtpHost(settings.host, { allowPrivateHosts, timeoutMs: timeouts.dnsTimeout })
    ok('dns', target.servername ? `${target.host} resolved to ${target.address}` : `IP address ${target.address}, no lookup needed`)
    const cachedToken = auth.kind === 'oauth2' ? recentAccessToken(auth.tokenCacheKey) : undefined
    // fetched while the connection is set up: a failure costs the slower of the two, not their sum
    const token: Promise<TSettled<unknown>> | null =
      auth.kind === 'oauth2'
        ? getAccessToken(auth.tokenCacheKey, auth.tokenRequest, { allowPrivateHosts, timeoutMs: TOKEN_TIMEOUT_MS }).then(
            (value) => ({ ok: true, value }),
            (error: unknown) => ({ ok: false, error }),
          )
        : null
    const resolved = await resolveSecurity(settings, target, tuning)
    progress.security = resolved
    context = errorContextFor(settings, tuning, resolved)
    const smtpOptions = smtpOptionsFor(settings, target, resolved, tuning, { allowPrivateHosts })
    const socket = await openTcp(target.address, settings.port, timeouts.connectionTimeout)
    deadline.hold(() => socket.destroy())
    ok('tcp', `Connected to ${target.address} port ${settings.port}`)

    const session = new DiagnosticSession(smtpOptions, socket)
    progress.session = session
    deadline.hold(() => session.destroy())
    try {
      await session.connect()
    } catch (error) {
      if (session.tls) ok('tls', tlsDetail(session.tls, resolved))
      const timeoutType = (error as { timeoutType?: string }).timeoutType
      // under `auto` detection already asked the port; a chosen STARTTLS is checked against TLS from the first byte
      const portSpeaksTls =
        settings.security === 'starttls' &&
        timeoutType === 'GREETING_TIMEOUT' &&
        (await probeImplicitTls(target.address, settings.port, tlsOptionsFor(target), SECURITY_PROBE_MS.tls))
      return finish(classifySmtpError(error, { ...context, ...(portSpeaksTls ? { portSpeaksTls } : {}) }))
    }
    const ehlo = session.ehloReplies()
    const offeredStartTls = resolved.mode !== 'tls' && /[ -]STARTTLS\b/i.test(ehlo[0] ?? '')
    if (resolved.mode === 'none')
      report({
        stage: 'tls',
        status: 'warning',
        detail: 'Unencrypted: internal relay. Messages travel in plain text; use this only inside your own network',
      })
    else if (session.tls) ok('tls', tlsDetail(session.tls, resolved))
    ok('ehlo', `Capabilities: ${capabilitiesOf(ehlo.at(-1) ?? '', offeredStartTls).join(', ') || 'none'}`)

    if (auth.kind === 'oauth2' && token) {
      const outcome = await token
      if (!outcome.ok) {
        const result = finish(classifySmtpError(outcome.error, context))
        result.steps.push({ stage: 'auth', status: 'skipped', detail: 'Not attempted without an access token' })
        return result
      }
      ok('token', `Access token from ${tokenEndpointHost(auth.tokenRequest)}`)
    }

    if (auth.kind === 'none') skip('auth', 'No sign-in configured: sending without logging in')
    else if (!session.offersAuth) skip('auth', 'The server does not offer AUTH, so the credentials were not used')
    else {
      const login = () =>
        auth.kind === 'password'
          ? session.login({ user: auth.username, pass: auth.password })
          : session.login({ user: auth.username, oauth2: xoauth2For(auth, { allowPrivateHosts, timeoutMs: TOKEN_TIMEOUT_MS }) })
      try {
        await login().catch((error: unknown) => (auth.kind === 'oauth2' && dropRefusedToken(auth, error, cachedToken) ? login() : Promise.reject(error)))
      } catch (error) {
        const failure = classifySmtpError(error, context)
        // a renewed token that could not be fetched is a token failure; anything else belongs to AUTH
        return finish(failure.stage === 'token' ? failure : { ...failure, stage: 'auth' })
      }
      const how = auth.kind === 'oauth2' ? `Signed in as ${auth.username} with OAuth 2.0 (XOAUTH2)` : `Logged in as ${auth.username}`
      ok('auth', `${how}${replySuffix(session.replyTo('AUTH'), context, /^235/)}`)
    }

    const composed = await composeMessage(message)
    progress.envelope = composed.envelope
    try {
      const info = await session.send(composed.envelope, composed.raw)
      ok('mail', `Sender <${composed.envelope.from}> accepted${replySuffix(session.replyTo('MAIL FROM'), context)}`)
      ok('rcpt', `Recipient <${composed.envelope.to.join('>, <')}> accepted${replySuffix(session.replyTo('RCPT TO'), context)}`)
      const accepted = serverReplyForAdmins(info.response, context)
      ok('data', `Message accepted: ${accepted}`)
      return { ok: true, reply: accepted, durationMs: Math.round(performance.now() - startedAt), steps }
    } catch (error) {
      const failure = inTransaction(classifySmtpError(error, context), session)
      report(...acceptedBefore(failure.stage, composed.envelope))
      return finish(failure)
    }
  }

  try {
    const outcome = await Promise.race([converse().catch((error: unknown) => finish(classifySmtpError(error, context))), deadline.reached])
    if (outcome !== 'deadline') return outcome
    const { security, session, envelope } = progress
    const stage = stageAtDeadline(steps, session, security, auth.kind)
    const tls = session?.tls
    // the handshake that succeeded before an endless EHLO reply is reported, as when connect() fails
    const handshake: TDiagnosticStep[] =
      tls && security && stage === 'ehlo' && !steps.some((step) => step.stage === 'tls')
        ? [{ stage: 'tls', status: 'ok', detail: tlsDetail(tls, security) }]
        : []
    const transaction = envelope ? acceptedBefore(stage, envelope) : []
    return finish(deadlineFailure(stage, deadlineMs), [...steps, ...handshake, ...transaction])
  } finally {
    deadline.clear()
    progress.session?.close()
  }
}

// A token the server refused is dropped from the cache; true when it had come from there (worth one fresh token).
function dropRefusedToken(auth: TOAuth2Auth, error: unknown, cachedBefore: string | undefined): boolean {
  const refused = recentAccessToken(auth.tokenCacheKey)
  if (!isRefusedToken(error) || !refused) return false
  invalidateAccessToken(auth.tokenCacheKey, refused)
  return refused === cachedBefore
}

// The transaction steps the server accepted before the one that failed (the sender before RCPT, both before DATA).
function acceptedBefore(stage: TSmtpStage, envelope: TEnvelope): TDiagnosticStep[] {
  const accepted: TDiagnosticStep[] = []
  if (stage === 'rcpt' || stage === 'data') accepted.push({ stage: 'mail', status: 'ok', detail: `Sender <${envelope.from}> accepted` })
  if (stage === 'data') accepted.push({ stage: 'rcpt', status: 'ok', detail: `Recipient <${envelope.to.join('>, <')}> accepted` })
  return accepted
}

// A dropped connection is reported on the transaction step it interrupted.
function inTransaction(failure: TSmtpFailure, session: DiagnosticSession): TSmtpFailure {
  if (failure.stage === 'mail' || failure.stage === 'rcpt' || failure.stage === 'data') return failure
  return { ...failure, stage: transactionStage(session) }
}

function transactionStage(session: DiagnosticSession): TSmtpStage {
  return !session.replyTo('MAIL FROM') ? 'mail' : !session.replyTo('RCPT TO') ? 'rcpt' : 'data'
}

// The step a session was on when the deadline passed: the first one it had not reported yet.
function stageAtDeadline(
  steps: TDiagnosticStep[],
  session: DiagnosticSession | null,
  security: TResolvedSecurity | null,
  authKind: TSmtpSettings['auth']['kind'],
): TSmtpStage {
  const reported = new Set(steps.map((step) => step.stage))
  if (!reported.has('dns')) return 'dns'
  if (!reported.has('tcp') || !session) return 'tcp'
  if (!reported.has('ehlo')) return security?.mode === 'tls' && !session.tls ? 'tls' : 'ehlo'
  if (authKind === 'oauth2' && !reported.has('token')) return 'token'
  if (!reported.has('auth')) return 'auth'
  return transactionStage(session)
}

// The failed step replaces any the session reported for the same stage or after it.
function withFailedStep(steps: TDiagnosticStep[], error: TSmtpFailure): TDiagnosticStep[] {
  const failed: TDiagnosticStep = {
    stage: error.stage,
    status: 'failed',
    detail: error.message,
    hint: error.hint,
    ...(error.fixIn ? { fixIn: error.fixIn } : {}),
    ...(error.code ? { code: error.code } : {}),
    ...(error.reply ? { reply: error.reply } : {}),
  }
  const index = steps.findIndex((step) => step.stage === error.stage)
  return [...(index >= 0 ? steps.slice(0, index) : steps), failed]
}

// success replies are echoed under the same rules as failures: secrets redacted, SMTP-shaped, one line here
function replySuffix(reply: string | undefined, context: TErrorContext, expected = /^2/): string {
  return reply && expected.test(reply) ? ` (${serverReplyForAdmins(reply, context).split('\n')[0]})` : ''
}
