import 'server-only'
import type { OutboxKind } from '@/lib/enums'
import { randomUUID } from 'node:crypto'
import { env } from '@/lib/env'
import type { TTransaction } from '@/lib/server/db/prisma'

export type TOutboxKind = Exclude<OutboxKind, 'test' | 'alert'>

export type TOutboxEmail = {
  orgId: string
  kind: TOutboxKind
  to: string
  subject: string
  html: string
  text: string
}

const messageIdDomain = new URL(env.APP_URL).hostname || 'localhost'

/**
 * Queues an email in the same transaction as the change that causes it: it is sent if and only if that change
 * commits, and no request waits on SMTP. The Message-ID is fixed here, so retries never look like new mail.
 */
export async function enqueueEmail(tx: TTransaction, email: TOutboxEmail): Promise<void> {
  await tx.outboxMessage.create({
    data: {
      orgId: email.orgId,
      kind: email.kind,
      toAddress: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      messageId: `<${randomUUID()}@${messageIdDomain}>`,
    },
  })
}
