import 'server-only'
import { env } from '@/lib/env'
import { newMessageId } from '@/lib/mail/server/message-id'
import { deliveryFailing } from '@/lib/mail/server/templates/delivery-failing'
import { sendMessage } from '@/lib/mail/server/transports'
import type { PrismaClient } from '@/lib/server/db/prisma'
import { routes } from '@/lib/routes'
import type { TOrgFailure } from '../health/org-health'
import { parseMailbox } from '../worker/default-provider'
import { CAPTURE_LABEL, defaultProvider } from '../worker/sending-provider'

/**
 * Emails every owner and admin of the organization that its provider fails, through the platform's default provider
 * (never the failing one); captured like other mail when there is no default. Returns how many messages wait.
 */
export async function sendIncidentAlert(prisma: PrismaClient, orgId: string, failure: TOrgFailure, since: Date): Promise<number> {
  const [org, waiting] = await Promise.all([
    prisma.organization.findUniqueOrThrow({
      where: { id: orgId },
      select: { name: true, slug: true, memberships: { where: { role: { in: ['owner', 'admin'] } }, select: { user: { select: { email: true } } } } },
    }),
    prisma.outboxMessage.count({ where: { orgId, status: { in: ['queued', 'retrying', 'held', 'sending'] } } }),
  ])
  const email = await deliveryFailing({
    orgName: org.name,
    cause: failure.message.replace(/\.$/, ''),
    hint: failure.hint.replace(/\.$/, ''),
    since: `${since.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    waiting,
    link: `${env.APP_URL}${routes.emailProvider(org.slug)}`,
  })
  const recipients = org.memberships.map((membership) => membership.user.email)
  const provider = defaultProvider()
  if (provider.kind === 'capture') {
    await prisma.outboxMessage.createMany({
      data: recipients.map((to) => ({
        orgId,
        kind: 'alert' as const,
        toAddress: to,
        ...email,
        messageId: newMessageId(parseMailbox(env.DEFAULT_MAIL_FROM).address),
        status: 'captured' as const,
        provider: CAPTURE_LABEL,
        sentAt: new Date(),
      })),
    })
    return waiting
  }
  for (const to of recipients) {
    const messageId = newMessageId(provider.from.address)
    const signal = AbortSignal.timeout(env.OUTBOX_SEND_DEADLINE_MS)
    const sent = await sendMessage(
      provider.transport,
      { from: provider.from, to, messageId, ...email },
      { cacheKey: provider.cacheKey, allowPrivateHosts: provider.allowPrivateHosts, signal },
    )
    if (!sent.ok) throw new Error(`the incident alert was not sent: ${sent.failure.message}`)
    // listed in Recent deliveries like any other email of the organization (the body, with its link, is not kept)
    await prisma.outboxMessage.create({
      data: {
        orgId,
        kind: 'alert',
        toAddress: to,
        subject: email.subject,
        html: '',
        text: '',
        messageId,
        status: 'sent',
        provider: provider.label,
        sentAt: new Date(),
      },
    })
  }
  return waiting
}
