import 'server-only'
import type { SendMailOptions } from 'nodemailer'
import { mailOptionsFor } from '@/lib/mail/server/compose'
import { classifySmtpError, errorContextFor } from '@/lib/mail/server/smtp-error'
import { forgetTransport, getPooledTransport } from '@/lib/mail/server/transport-cache'
import type { TTransportKind } from '../types'

// SMTP behind the seam: the pooled nodemailer transports (transport.ts, transport-cache.ts), the step-by-step session
// of the test email (diagnose.ts) and the SMTP error classifier (smtp-error.ts), unchanged.

export const smtpTransport: TTransportKind<'smtp'> = {
  async send(config, message, { cacheKey, allowPrivateHosts, signal }) {
    try {
      const transport = await getPooledTransport(cacheKey, config.settings, { allowPrivateHosts, tuning: config.tuning })
      if (signal?.aborted) return { ok: true }
      // nodemailer ≥ 10.6: aborting fails this message and closes the connection carrying it, the pool goes on
      await transport.sendMail({ ...mailOptionsFor(message), signal } as SendMailOptions)
      // SMTP gives no id of its own: the Message-ID we composed is the message's identity
      return { ok: true }
    } catch (error) {
      return { ok: false, failure: classifySmtpError(error, errorContextFor(config.settings, config.tuning)) }
    }
  },
  // loaded on first use: the delivery worker never needs the step-by-step session
  diagnose: async (config, message, options) => {
    const { sendWithDiagnostics } = await import('@/lib/mail/server/diagnose')
    return sendWithDiagnostics(config.settings, message, { ...options, tuning: config.tuning })
  },
  forget: (cacheKey) => forgetTransport(cacheKey),
}
