// Rows the data-layer tests start from: console admins, organizations and Email Provider forms.
import { randomBytes, randomUUID } from 'node:crypto'
import type { PrismaClient } from '@/lib/server/db/prisma'
import type { MembershipRole } from '@/lib/enums'
import { ZEmailProviderForm, type TEmailProviderForm } from '@/lib/email-provider/schema'

/** A short random tag that keeps names, slugs and rate-limit keys apart between tests sharing a database. */
export function uniqueTag(): string {
  return randomBytes(4).toString('hex')
}

/** A console admin (a Better Auth `user` row), as the service layer's actor. */
export async function createAdmin(prisma: PrismaClient, label = 'admin'): Promise<{ id: string; email: string }> {
  const email = `${label}-${uniqueTag()}@example.test`
  return prisma.user.create({ data: { id: randomUUID(), name: label, email }, select: { id: true, email: true } })
}

/** Makes `userId` a member of `orgId` with `role` (or changes the role of an existing member). */
export async function setMembership(prisma: PrismaClient, orgId: string, userId: string, role: MembershipRole): Promise<void> {
  await prisma.membership.upsert({ where: { orgId_userId: { orgId, userId } }, create: { orgId, userId, role }, update: { role } })
}

/** The Email Provider form as the Server Action receives it after parsing (defaults: a complete custom provider, password sign-in). */
export function providerForm(fields: Record<string, unknown> = {}): TEmailProviderForm {
  return ZEmailProviderForm.parse({
    preset: 'custom',
    host: 'smtp.example.com',
    port: '587',
    security: 'auto',
    authKind: 'password',
    fromAddress: 'no-reply@example.com',
    replyTo: '',
    username: 'mailer',
    password: '',
    displayName: 'Example',
    dkimSelector: '',
    useDefaultOnFailure: false,
    version: 0,
    ...fields,
  })
}
