import 'server-only'
import type { TErrorContext, TFailureCore, TRawSmtpError } from './smtp-error-types'
import { OUT_OF_DATE_CERTIFICATE_CODES, UNTRUSTED_CERTIFICATE_CODES } from '@/lib/server/net/tls-error-codes'

// TLS failures: a plain-text answer where TLS was expected, and certificates that fail verification.

const PLAINTEXT_ANSWER = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST'])

/** The TLS failure behind an error, or null when it is not a TLS problem. */
export function tlsFailure(raw: TRawSmtpError, system: string, context: TErrorContext): TFailureCore | null {
  if (PLAINTEXT_ANSWER.has(system) || /wrong version number/i.test(raw.message ?? '')) {
    const message = 'TLS from the first byte was expected, but the server answered in plain text'
    // the fix is the mode where the admin chose it, the port where port 465 implied it
    return context.security === 'tls'
      ? { field: 'security', stage: 'tls', message, hint: 'This port speaks plain text first: choose Connection security "Automatic" or "STARTTLS"' }
      : { field: 'port', stage: 'tls', message, hint: 'Port 465 expects TLS from the first byte; this server answered in plain text: use 587' }
  }
  if (system === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const names = certificateNames(raw.cert?.subjectaltname)
    return {
      field: 'host',
      stage: 'tls',
      message: `The server's certificate is not valid for ${context.host ?? 'this host name'}`,
      hint: names ? `The certificate was issued for ${names}: enter that host name instead` : 'Use the host name your provider documents for SMTP',
    }
  }
  if (UNTRUSTED_CERTIFICATE_CODES.has(system)) {
    return {
      field: 'host',
      stage: 'tls',
      message: "The server's certificate is not trusted (self-signed or issued by an unknown authority)",
      hint: "Use your provider's documented SMTP host name; self-signed certificates are refused",
    }
  }
  if (OUT_OF_DATE_CERTIFICATE_CODES.has(system)) {
    return {
      field: 'host',
      stage: 'tls',
      message: "The server's certificate has expired or is not yet valid",
      hint: 'The server operator must renew the certificate',
    }
  }
  if (raw.code === 'ETLS' || system === 'EPROTO' || /^ERR_(SSL|TLS)_/.test(system)) {
    return {
      field: 'port',
      stage: 'tls',
      message: 'The TLS connection could not be established',
      hint: 'Check the port and Connection security: 465 uses TLS from the first byte, 587 uses STARTTLS',
    }
  }
  return null
}

// "DNS:mail.example.com, IP Address:192.0.2.1" -> "mail.example.com" (at most three names)
function certificateNames(subjectAltName: string | undefined): string | null {
  if (!subjectAltName) return null
  const names = subjectAltName
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.startsWith('DNS:'))
    .map((entry) => entry.slice(4))
  return names.length ? names.slice(0, 3).join(', ') : null
}
