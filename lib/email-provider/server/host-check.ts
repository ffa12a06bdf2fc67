import 'server-only'
import { REFUSED_HOST_REASONS } from '@/lib/mail/server/smtp-error'
import { resolveSmtpHost, SmtpHostError } from '@/lib/server/net/resolve-smtp-host'

/**
 * Why Update must refuse `host` (an internal, reserved or disguised address: the SSRF guard), or null. A host
 * that does not resolve yet is saved: its emails wait and retry, and Send test email says what is wrong.
 */
export async function hostRefusal(host: string): Promise<string | null> {
  try {
    await resolveSmtpHost(host)
    return null
  } catch (error) {
    if (error instanceof SmtpHostError && REFUSED_HOST_REASONS.has(error.reason)) return error.message
    return null
  }
}
