import 'server-only'
import net from 'node:net'
import tls from 'node:tls'
import type { SMTPTransportOptions } from 'nodemailer'
import type { TTlsInfo } from './diagnose-session'

// Network helpers and wording for the diagnostics report.

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
 * After a missing greeting: does the port answer a TLS ClientHello (implicit TLS)? Verification
 * stays on; a certificate error still proves the server speaks TLS there.
 */
export function probeImplicitTls(address: string, port: number, smtpOptions: SMTPTransportOptions, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tls.connect({ ...smtpOptions.tls, host: address, port })
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

/** One line about the TLS session: protocol, cipher and certificate. */
export function tlsDetail(info: TTlsInfo, implicitTls: boolean): string {
  const mode = implicitTls ? 'TLS from the first byte' : 'STARTTLS'
  return `${info.protocol}, ${info.cipher} (${mode}); certificate for ${info.subject} issued by ${info.issuer}`
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
