import 'server-only'
import type { TSmtpFailure, TSmtpStage } from '@/lib/mail/types'

// The test email's hard limit. nodemailer's socket timeout only notices silence: a server that keeps trickling
// `250-` lines holds a session forever. When the deadline passes, every connection held for the session is destroyed.

export type TSessionDeadline = {
  /** Settles when the deadline passes (never, if it is cleared first). */
  readonly reached: Promise<'deadline'>
  readonly expired: boolean
  /** Destroys this connection when the deadline passes, or at once if it already has. */
  hold(destroy: () => void): void
  clear(): void
}

export function startDeadline(deadlineMs: number): TSessionDeadline {
  const held: Array<() => void> = []
  let expired = false
  let timer: NodeJS.Timeout | undefined
  const reached = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => {
      expired = true
      for (const destroy of held.splice(0)) destroy()
      resolve('deadline')
    }, deadlineMs)
  })
  return {
    reached,
    get expired() {
      return expired
    },
    hold(destroy) {
      if (expired) destroy()
      else held.push(destroy)
    },
    clear() {
      clearTimeout(timer)
      held.length = 0
    },
  }
}

/** The failure shown on the step the session was on when the deadline passed (worded like the outbox's). */
export function deadlineFailure(stage: TSmtpStage, deadlineMs: number): TSmtpFailure {
  const within = inSeconds(deadlineMs)
  if (stage === 'dns' || stage === 'tcp') {
    return {
      field: stage === 'dns' ? 'host' : 'port',
      stage,
      message: `The server could not be reached within ${within}`,
      hint: 'Check the host and port: a firewall may block outgoing connections to this port (port 25 often is)',
      isPermanent: false,
    }
  }
  return {
    field: null,
    stage,
    message: `The server did not finish the test email within ${within} (it kept the connection open without completing the exchange)`,
    hint: 'Check the host and port: they may point at something other than a working SMTP server',
    isPermanent: false,
  }
}

function inSeconds(ms: number): string {
  const seconds = Math.round(ms / 100) / 10
  return seconds === 1 ? '1 second' : `${seconds} seconds`
}
