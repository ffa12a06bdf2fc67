// Captured emails (no default provider) as an admin opens them (lib/delivery/server/outbox/captured-view.ts): links whose
// token can no longer be used lose it, and every opening is in the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { openCapturedMessage } from '@/lib/delivery/server/outbox/captured-view'
import * as flows from '@/lib/org-users/server/flows'
import { hashToken } from '@/lib/org-users/server/tokens'
import { createAdmin, uniqueTag } from '../support/data-fixtures'

let admin: { id: string; email: string }

beforeAll(async () => {
  admin = await createAdmin(await getPrisma())
})
afterAll(closeDatabase)

/** An org whose one verification email was captured, and that email's token. */
async function capturedVerification() {
  const prisma = await getPrisma()
  const slug = `captured-${uniqueTag()}`
  const org = await prisma.organization.create({ data: { name: `Captured ${slug}`, slug }, select: { id: true, name: true, slug: true } })
  await flows.signUpOrgUser(org, { email: `user-${uniqueTag()}@example.test`, password: 'correct horse battery' })
  const message = await prisma.outboxMessage.update({
    where: { id: (await prisma.outboxMessage.findFirstOrThrow({ where: { orgId: org.id } })).id },
    data: { status: 'captured' },
  })
  const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(message.text)![1]!
  return { org, message, token }
}

describe('openCapturedMessage', () => {
  it('shows a live link whole, and records the opening in the audit trail', async () => {
    const { org, message, token } = await capturedVerification()
    const opened = await openCapturedMessage(org.id, admin, message.id)
    expect(opened?.text).toContain(`token=${token}`)
    expect(opened?.html).toContain(token)
    const audit = await (await getPrisma()).auditEntry.findMany({ where: { orgId: org.id } })
    expect(audit).toMatchObject([
      { action: 'captured_email_view', actorId: admin.id, actorEmail: admin.email, details: { messageId: message.id, kind: 'verify' } },
    ])
  })

  it('removes the token of a link once it has expired (or was used), in text and HTML', async () => {
    const { org, message, token } = await capturedVerification()
    await (await getPrisma()).orgUserToken.updateMany({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } })
    const opened = await openCapturedMessage(org.id, admin, message.id)
    expect(opened?.text).not.toContain(token)
    expect(opened?.html).not.toContain(token)
    expect(opened?.text).toContain('verify?token=expired')
  })

  it("opens nothing of another organization's, and records nothing then", async () => {
    const { message } = await capturedVerification()
    const { org: other } = await capturedVerification()
    expect(await openCapturedMessage(other.id, admin, message.id)).toBeNull()
    expect(await (await getPrisma()).auditEntry.count({ where: { orgId: other.id } })).toBe(0)
  })
})
