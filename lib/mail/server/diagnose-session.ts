import 'server-only'
import type net from 'node:net'
import { TLSSocket } from 'node:tls'
import type { SMTPTransportOptions } from 'nodemailer'
import SMTPConnection from 'nodemailer/lib/smtp-connection'
import type XOAuth2 from 'nodemailer/lib/xoauth2'
import type { SMTPConnectionSendInfo, SMTPEnvelope } from 'nodemailer/lib/smtp-connection'

// Promise wrapper around nodemailer's SMTPConnection that also records what the diagnostics
// report: every server reply (through nodemailer's transaction log, which masks secrets) and
// the TLS parameters once the handshake is done.

export type TTlsInfo = { protocol: string; cipher: string; subject: string; issuer: string }

/** One server reply and the command it answered (null for the greeting and the end of DATA). */
export type TReply = { command: string | null; reply: string }

/** A password login (PLAIN, LOGIN or CRAM-MD5, as offered), or XOAUTH2 with a token generator. */
export type TSessionLogin = { user: string; pass: string } | { user: string; oauth2: XOAuth2 }

type TLogEntry = { tnx?: string }

export class DiagnosticSession {
  readonly replies: TReply[] = []
  tls: TTlsInfo | null = null
  private readonly connection: SMTPConnection
  private readonly pending: string[] = []

  constructor(options: SMTPTransportOptions, socket: net.Socket) {
    const record = (entry: TLogEntry | undefined, message?: unknown) => this.record(entry, message)
    this.connection = new SMTPConnection({
      ...options,
      connection: socket,
      transactionLog: true,
      logger: { debug: record, info: record, warn: record, error: record, trace: record, fatal: record },
    })
    // errors after the operation that caused them already failed (e.g. during QUIT) need a listener
    this.connection.on('error', () => undefined)
  }

  /** Greeting, EHLO and STARTTLS (or the implicit TLS handshake). */
  connect(): Promise<void> {
    return this.run((done) => this.connection.connect((err) => done(err ?? null)))
  }

  /** True when the server advertised AUTH after EHLO. */
  get offersAuth(): boolean {
    return this.connection.allowsAuth
  }

  login(auth: TSessionLogin): Promise<void> {
    const options = 'oauth2' in auth ? { user: auth.user, oauth2: auth.oauth2, method: 'XOAUTH2' } : auth
    return this.run((done) => this.connection.login(options, (err) => done(err)))
  }

  send(envelope: SMTPEnvelope, raw: Buffer): Promise<SMTPConnectionSendInfo> {
    return this.run<SMTPConnectionSendInfo>((done) => this.connection.send(envelope, raw, (err, info) => done(err ?? null, info)))
  }

  /** Replies to EHLO commands, in order (before and after STARTTLS). */
  ehloReplies(): string[] {
    return this.replies.filter((entry) => entry.command?.startsWith('EHLO')).map((entry) => entry.reply)
  }

  /** The reply to the first command starting with this prefix. */
  replyTo(prefix: string): string | undefined {
    return this.replies.find((entry) => entry.command?.startsWith(prefix))?.reply
  }

  /** Says QUIT, and drops the socket if the server does not close it promptly. */
  close(): void {
    try {
      this.connection.quit()
    } catch {
      // already closed
    }
    setTimeout(() => this.connection.close(), 1_000).unref()
  }

  /** Drops the connection at once, without QUIT: for a server that would keep a polite goodbye waiting forever. */
  destroy(): void {
    const socket = this.connection._socket
    if (socket) socket.destroy()
    this.connection.close()
  }

  // Settles on the callback, or on an 'error' event / close that ends the session first.
  private run<T = void>(operation: (done: (err: Error | null, value?: T) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onError = (err: Error) => settle(err)
      const onEnd = () => settle(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }))
      const settle = (err: Error | null, value?: T) => {
        this.connection.off('error', onError)
        this.connection.off('end', onEnd)
        if (err) reject(err)
        else resolve(value as T)
      }
      this.connection.once('error', onError)
      this.connection.once('end', onEnd)
      operation(settle)
    })
  }

  private record(entry: TLogEntry | undefined, message: unknown): void {
    this.snapshotTls()
    const text = typeof message === 'string' ? message : ''
    if (entry?.tnx === 'client') this.pending.push(text)
    // replies arrive in command order, also when commands are pipelined
    if (entry?.tnx === 'server') this.replies.push({ command: this.pending.shift() ?? null, reply: text })
  }

  // Taken at the first log line after the handshake, while the TLS socket is still open.
  private snapshotTls(): void {
    const socket = this.connection._socket
    if (this.tls || !(socket instanceof TLSSocket) || !socket.getProtocol()) return
    const certificate = socket.getPeerCertificate()
    this.tls = {
      protocol: socket.getProtocol() ?? 'unknown',
      cipher: socket.getCipher()?.name ?? 'unknown',
      subject: firstValue(certificate?.subject?.CN) ?? 'unknown',
      issuer: firstValue(certificate?.issuer?.CN) ?? 'unknown',
    }
  }
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
