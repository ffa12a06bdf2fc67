import 'server-only'
import { enqueueEmail } from '@/lib/delivery/server/outbox/outbox'
import { env } from '@/lib/env'
import { microsoftPasswordDeadline as deadlineEmail } from '@/lib/mail/server/templates/microsoft-password-deadline'
import type { PrismaClient } from '@/lib/server/db/prisma'
import {
  MICROSOFT_PASSWORD_LAST_NOTICE_DAYS,
  MICROSOFT_SUBMISSION_HOSTS,
  microsoftDeadlineWords,
  microsoftPasswordDeadline,
  switchToOAuthHref,
} from '@/lib/email-provider/microsoft-password-deadline'

// Owners and admins hear of Microsoft's end of password sign-in twice: when it first applies to their provider and a
// week before the date (once, when the first falls in that week). Each notice is a deadline_notice row written in the
// transaction that queues its emails (through the platform default), so any number of instances send it once.

const FIRST = 'microsoft-password:first'
const LAST_WEEK = 'microsoft-password:last-week'

/** Queues the notices due at `now` (for one organization, or all); returns how many organizations were told. */
export async function sendMicrosoftDeadlineNotices(prisma: PrismaClient, now: Date = new Date(), orgId?: string): Promise<number> {
  const candidates = await prisma.emailProviderSettings.findMany({
    where: {
      ...(orgId ? { orgId } : {}),
      authKind: 'password',
      OR: [{ preset: 'microsoft365' }, ...MICROSOFT_SUBMISSION_HOSTS.map((host) => ({ host: { equals: host, mode: 'insensitive' as const } }))],
    },
    select: { orgId: true, preset: true, host: true, port: true, authKind: true, org: { select: { name: true, slug: true } } },
  })
  const sent = await prisma.deadlineNotice.findMany({ where: { orgId: { in: candidates.map((row) => row.orgId) } }, select: { orgId: true, notice: true } })
  const isSent = new Set(sent.map((row) => `${row.orgId} ${row.notice}`))
  let told = 0
  for (const settings of candidates) {
    const deadline = microsoftPasswordDeadline(settings, now)
    if (!deadline) continue
    const due = deadline.daysLeft <= MICROSOFT_PASSWORD_LAST_NOTICE_DAYS ? [FIRST, LAST_WEEK] : [FIRST]
    if (due.every((notice) => isSent.has(`${settings.orgId} ${notice}`))) continue
    const words = microsoftDeadlineWords(deadline)
    const email = await deadlineEmail({
      orgName: settings.org.name,
      ...words,
      server: `${settings.host}:${settings.port}`,
      link: `${env.APP_URL}${switchToOAuthHref(settings.org.slug)}`,
    })
    const isTold = await prisma.$transaction(async (tx) => {
      const { count } = await tx.deadlineNotice.createMany({
        data: due.map((notice) => ({ orgId: settings.orgId, notice, sentAt: now })),
        skipDuplicates: true,
      })
      if (count === 0) return false
      const members = await tx.membership.findMany({
        where: { orgId: settings.orgId, role: { in: ['owner', 'admin'] } },
        select: { user: { select: { email: true } } },
      })
      for (const member of members) await enqueueEmail(tx, { orgId: settings.orgId, kind: 'owner_notice', to: member.user.email, ...email })
      return true
    })
    if (isTold) told += 1
  }
  return told
}
