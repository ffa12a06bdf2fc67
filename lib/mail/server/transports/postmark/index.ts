import 'server-only'
import type { TMailMessage } from '@/lib/mail/types'
import { apiConnection, connectTls, resolveApiHost, type TApiAnswer, type TApiConnection } from '../http/api-client'
import { forgetApiPool, getApiPool } from '../http/api-pool'
import { ApiSteps, apiDeadlineFailure, tlsSummary } from '../http/api-steps'
import type { TSendOutcome, TTransportKind } from '../types'
import { postmarkEmailOf } from './body'
import { networkFailure, postmarkFailure } from './errors'
import { env } from '@/lib/env'

// Postmark over its HTTP API (https://postmarkapp.com/developer/api/overview): the Server API token in
// X-Postmark-Server-Token, POST /email to send (answer: { MessageID, ErrorCode: 0 }), GET /server as the cheap
// authenticated read of the test email.

const NAME = 'Postmark'

type TPostmarkConfig = { method: 'postmark'; apiKey: string; baseUrl: string }

const headersOf = (config: TPostmarkConfig) => ({ 'x-postmark-server-token': config.apiKey, 'content-type': 'application/json' })

function postEmail(connection: TApiConnection, config: TPostmarkConfig, message: TMailMessage, signal?: AbortSignal): Promise<TApiAnswer> {
  return connection.request({ method: 'POST', path: '/email', headers: headersOf(config), body: JSON.stringify(postmarkEmailOf(message)), signal })
}

/** The MessageID of an accepted send, or null when the answer is a refusal. */
function acceptedId(answer: TApiAnswer): string | null {
  if (answer.status !== 200) return null
  try {
    const parsed = JSON.parse(answer.body) as { ErrorCode?: number; MessageID?: string }
    return parsed.ErrorCode === 0 && typeof parsed.MessageID === 'string' ? parsed.MessageID : null
  } catch {
    return null
  }
}

export const postmarkTransport: TTransportKind<'postmark'> = {
  async send(config, message, { cacheKey, allowPrivateHosts, signal }): Promise<TSendOutcome> {
    const baseUrl = new URL(config.baseUrl)
    let answer: TApiAnswer
    try {
      const connection = await getApiPool(cacheKey, baseUrl, { allowPrivateHosts })
      answer = await postEmail(connection, config, message, signal)
    } catch (error) {
      return { ok: false, failure: networkFailure(error, NAME, baseUrl.host) }
    }
    const providerMessageId = acceptedId(answer)
    if (providerMessageId) return { ok: true, providerMessageId }
    const { failure, retryAfterMs } = postmarkFailure(answer, 'send')
    return { ok: false, failure, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) }
  },

  async diagnose(config, message, { allowPrivateHosts = false, deadlineMs = env.TEST_EMAIL_DEADLINE_MS }) {
    const baseUrl = new URL(config.baseUrl)
    const steps = new ApiSteps()
    const controller = new AbortController()
    let connection: TApiConnection | null = null
    const converse = async () => {
      const target = await resolveApiHost(baseUrl, { allowPrivateHosts })
      steps.ok('resolve', target.servername ? `${target.host} resolved to ${target.address}` : `IP address ${target.address}, no lookup needed`)
      steps.current = 'connect'
      if (baseUrl.protocol === 'https:') {
        const socket = await connectTls(baseUrl, target, controller.signal)
        steps.ok('connect', `Connected to ${target.address} port ${baseUrl.port || 443}: ${tlsSummary(socket)}`)
        connection = apiConnection(baseUrl, target, { sockets: 1, socket })
      } else {
        connection = apiConnection(baseUrl, target, { sockets: 1 })
        steps.warn('connect', `Unencrypted http to ${baseUrl.host}: a local stand-in for ${NAME} (SMTP_ALLOW_PRIVATE_HOSTS)`)
      }
      steps.current = 'authenticate'
      const server = await connection.request({ method: 'GET', path: '/server', headers: headersOf(config), signal: controller.signal })
      if (server.status !== 200) return steps.failed(postmarkFailure(server, 'authenticate').failure)
      steps.ok('authenticate', `Server API token accepted${serverNameOf(server)}`)
      steps.current = 'send'
      const sent = await postEmail(connection, config, message, controller.signal)
      const id = acceptedId(sent)
      if (!id) return steps.failed(postmarkFailure(sent, 'send').failure)
      steps.ok('send', `${NAME} took the message for ${message.to}`)
      steps.current = 'accepted'
      steps.ok('accepted', `Message ID ${id}`)
      return steps.accepted(`${NAME} accepted the message (Message ID ${id})`, id)
    }
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), deadlineMs)
    })
    try {
      const outcome = await Promise.race([converse().catch((error: unknown) => steps.failed(networkFailure(error, NAME, baseUrl.host))), deadline])
      if (outcome !== 'deadline') return outcome
      controller.abort()
      return steps.failed(apiDeadlineFailure(steps.current, NAME, deadlineMs))
    } finally {
      clearTimeout(timer)
      ;(connection as TApiConnection | null)?.agent.destroy()
    }
  },

  forget: (cacheKey) => forgetApiPool(cacheKey),
}

// GET /server answers { ID, Name, … }: its name tells the admin which Postmark server the token belongs to.
function serverNameOf(answer: TApiAnswer): string {
  try {
    const name = (JSON.parse(answer.body) as { Name?: unknown }).Name
    return typeof name === 'string' && name ? ` (server “${name.slice(0, 100)}”)` : ''
  } catch {
    return ''
  }
}
