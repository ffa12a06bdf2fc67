import 'server-only'
import net from 'node:net'
import tls from 'node:tls'
import type { TResolvedSecurity } from '@/lib/mail/types'
import type { TTlsInfo } from './diagnose-session'

// Network helpers (also used by security detection) and wording for the diagnostics report.

/** What a port says to a plain TCP connection before the client speaks. */
export type TGreetingProbe = 'greeting' | 'other-reply' | 'silent' | 'tls-alert' | 'closed' | 'unreachable'

const TLS_ALERT_RECORD = 0x15

/** Opens the TCP connection, so the report can tell "could not connect" apart from what follows. */
export function openTcp(address: string, port: number, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address, port })
    const timer = setTimeout(() => {
      socket.destroy()
      reject(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT', timeoutType: 'CONNECT_TIMEOUT' }))
    }, timeoutMs)
    socket.once('connect', () => {
      clearTimeout(timer)
      socket.removeAllListeners('error')
      resolve(socket)
    })
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      socket.destroy()
      // the shape nodemailer gives socket errors, so one classifier serves both
      reject(Object.assign(error, { originalCode: error.code, code: 'ESOCKET' }))
    })
  })
}

/**
 * Connects and waits up to `timeoutMs` for the first bytes: a `220` greeting (plain SMTP), another reply, a TLS
 * alert record, silence (both typical of a port that expects TLS from the first byte), or a closed connection.
 */
export function probeGreeting(address: string, port: number, timeoutMs: number): Promise<TGreetingProbe> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port })
    let received = Buffer.alloc(0)
    let connected = false
    let settled = false
    const done = (verdict: TGreetingProbe) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.removeAllListeners('data')
      if (verdict === 'greeting' && socket.writable) socket.end('QUIT\r\n')
      else socket.destroy()
      resolve(verdict)
    }
    const timer = setTimeout(() => done(!connected ? 'unreachable' : received.length ? 'other-reply' : 'silent'), timeoutMs)
    socket.once('connect', () => {
      connected = true
    })
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      if (received[0] === TLS_ALERT_RECORD) return done('tls-alert')
      // the first line is enough: "220 ..." or "220-..." opens a plain SMTP session
      if (received.length >= 4 || received.includes(0x0a)) done(/^220[ -]/.test(received.toString('latin1')) ? 'greeting' : 'other-reply')
    })
    socket.once('end', () => done(received.length ? 'other-reply' : 'closed'))
    socket.on('error', () => done(connected ? 'closed' : 'unreachable'))
  })
}

/**
 * Does the port answer a TLS ClientHello (implicit TLS)? Verification stays on (the caller's SNI name and
 * `rejectUnauthorized`); a certificate error still proves the server speaks TLS there.
 */
export function probeImplicitTls(address: string, port: number, tlsOptions: tls.ConnectionOptions, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tls.connect({ ...tlsOptions, host: address, port })
    const done = (speaksTls: boolean) => {
      clearTimeout(timer)
      socket.destroy()
      resolve(speaksTls)
    }
    const timer = setTimeout(() => done(false), timeoutMs)
    socket.once('secureConnect', () => done(true))
    socket.once('error', (error: NodeJS.ErrnoException) => done(/CERT|SELF_SIGNED|UNABLE_TO|ALTNAME/.test(error.code ?? '')))
  })
}

/** How the session was encrypted, in words: "STARTTLS", "TLS from the first byte (detected)". */
export function securityLabel(resolved: TResolvedSecurity): string {
  if (resolved.mode === 'none') return 'Unencrypted'
  if (resolved.mode === 'starttls') return 'STARTTLS'
  return resolved.isDetected ? 'TLS from the first byte (detected)' : 'TLS from the first byte'
}

/** One line about the TLS session: how it was set up, protocol, cipher and certificate. */
export function tlsDetail(info: TTlsInfo, resolved: TResolvedSecurity): string {
  return `${securityLabel(resolved)}: ${info.protocol}, ${info.cipher}; certificate for ${info.subject} issued by ${info.issuer}`
}

/** Extensions listed in an EHLO reply (STARTTLS first when it was offered before the upgrade). */
export function capabilitiesOf(ehloReply: string, offeredStartTls: boolean): string[] {
  const extensions = ehloReply
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.replace(/^\d{3}[ -]/, '').trim())
    .filter(Boolean)
  return offeredStartTls ? ['STARTTLS', ...extensions] : extensions
}
