// Microsoft 365's end of password sign-in (31 December 2026): owners and admins of an organization whose provider signs
// in to Microsoft 365 with a password get one email when it first applies and one a week before the date (one only, if
// the first falls in that week), through the platform default; never viewers, never twice, whatever the clock says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateEmailProvider } from '@/lib/email-provider/server/service'
import { sendMicrosoftDeadlineNotices } from '@/lib/email-provider/server/microsoft-deadline-notices'
import { isPlatformEmail } from '@/lib/delivery/server/outbox/platform-emails'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { providerForm } from '../support/data-fixtures'
import { createTeam, type TTeam } from '../support/members-fixtures'

const PASSWORD = 'microsoft deadline secret – never in a notice ✓'
const at = (iso: string) => new Date(iso)

beforeAll(async () => {
  await getPrisma()
})
afterAll(() => closeDatabase())

/** A team whose provider was saved before it pointed at Microsoft 365 (as organizations did before this shipped). */
async function teamOnMicrosoftWithPassword(): Promise<TTeam> {
  const team = await createTeam()
  expect(await updateEmailProvider(team.org.id, team.owner, providerForm({ password: PASSWORD }))).toMatchObject({ ok: true })
  await (await getPrisma()).emailProviderSettings.update({ where: { orgId: team.org.id }, data: { host: 'smtp.office365.com' } })
  return team
}

async function deadlineEmails(orgId: string) {
  const rows = await (await getPrisma()).outboxMessage.findMany({ where: { orgId, kind: 'owner_notice' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
  return rows.filter((row) => row.subject.includes('Microsoft 365 password sign-in'))
}

describe('the Microsoft 365 deadline notices', () => {
  it('first: once, to every owner and admin, with the date, the days left and Switch to OAuth 2.0; never a secret', async () => {
    const team = await teamOnMicrosoftWithPassword()
    const prisma = await getPrisma()
    expect(await sendMicrosoftDeadlineNotices(prisma, at('2026-12-07T10:00:00Z'), team.org.id)).toBe(1)
    const emails = await deadlineEmails(team.org.id)
    expect(emails.map((email) => email.toAddress).sort()).toEqual([team.owner.email, team.admin.email].sort())
    expect(isPlatformEmail(emails[0]!.kind)).toBe(true)
    for (const email of emails) {
      expect(email.text).toContain('31 December 2026: in 24 days')
      expect(email.text).toContain('smtp.office365.com:587')
      expect(email.text).toMatch(/\/settings\/email-provider\?switch=oauth#sign-in/)
      expect(`${email.subject}${email.html}${email.text}`).not.toContain(PASSWORD)
    }
    // the hourly checks that follow, by any instance, send nothing more until the last week
    expect(await sendMicrosoftDeadlineNotices(prisma, at('2026-12-07T11:00:00Z'), team.org.id)).toBe(0)
    expect(await sendMicrosoftDeadlineNotices(prisma, at('2026-12-23T23:00:00Z'), team.org.id)).toBe(0)
    expect(await deadlineEmails(team.org.id)).toHaveLength(2)
  })

  it('last week: once more, 7 days before; a first notice inside the last week is the only one; after the date it says so', async () => {
    const prisma = await getPrisma()
    const early = await teamOnMicrosoftWithPassword()
    await sendMicrosoftDeadlineNotices(prisma, at('2026-12-01T10:00:00Z'), early.org.id)
    expect(await sendMicrosoftDeadlineNotices(prisma, at('2026-12-24T10:00:00Z'), early.org.id)).toBe(1)
    const [, , ...week] = await deadlineEmails(early.org.id)
    expect(week).toHaveLength(2)
    expect(week[0]!.text).toContain('in 7 days')
    expect(await sendMicrosoftDeadlineNotices(prisma, at('2026-12-30T10:00:00Z'), early.org.id)).toBe(0)

    const late = await teamOnMicrosoftWithPassword()
    expect(await sendMicrosoftDeadlineNotices(prisma, at('2026-12-28T10:00:00Z'), late.org.id)).toBe(1)
    expect(await sendMicrosoftDeadlineNotices(prisma, at('2026-12-29T10:00:00Z'), late.org.id)).toBe(0)
    expect(await deadlineEmails(late.org.id)).toHaveLength(2)

    const after = await teamOnMicrosoftWithPassword()
    expect(await sendMicrosoftDeadlineNotices(prisma, at('2027-01-15T10:00:00Z'), after.org.id)).toBe(1)
    const [afterEmail] = await deadlineEmails(after.org.id)
    expect(afterEmail!.text).toContain('Microsoft turned off password sign-in for SMTP on 31 December 2026')
    expect(afterEmail!.text).toContain('second half of 2027')
  })

  it('nothing for OAuth 2.0 or another server; Update to Microsoft 365 with a password tells them at once', async () => {
    const prisma = await getPrisma()
    const other = await createTeam()
    await updateEmailProvider(other.org.id, other.owner, providerForm({ password: PASSWORD }))
    expect(await sendMicrosoftDeadlineNotices(prisma, at('2026-12-07T10:00:00Z'), other.org.id)).toBe(0)
    const oauth = await teamOnMicrosoftWithPassword()
    await prisma.emailProviderSettings.update({ where: { orgId: oauth.org.id }, data: { authKind: 'oauth_client_credentials' } })
    expect(await sendMicrosoftDeadlineNotices(prisma, at('2026-12-07T10:00:00Z'), oauth.org.id)).toBe(0)
    expect(await deadlineEmails(oauth.org.id)).toEqual([])

    const saved = await createTeam()
    expect(await updateEmailProvider(saved.org.id, saved.owner, providerForm({ host: 'smtp.office365.com', password: PASSWORD }))).toMatchObject({ ok: true })
    expect((await deadlineEmails(saved.org.id)).map((email) => email.toAddress).sort()).toEqual([saved.owner.email, saved.admin.email].sort())
  })
})
