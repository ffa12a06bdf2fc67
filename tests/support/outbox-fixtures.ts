// Organizations with or without a custom provider, and queued emails, for delivery tests.
import { randomBytes } from 'node:crypto'
import { getPrisma } from '@/lib/server/db'
import { enqueueEmail } from '@/lib/delivery/server/outbox/outbox'
import { saveProvider, type TProviderWrite } from '@/lib/email-provider/server/store'
import { TEST_USER } from './smtp-server'

const actor = { id: 'test-admin', email: 'admin@example.test' }

/** OAuth 2.0 client credentials against a token endpoint, instead of the password (the delivery benchmark's OAuth run). */
export type TOAuthSetup = { tokenUrl: string; clientId: string; clientSecret: string; scope: string }

/** A fresh organization; with `smtpPort`, its custom provider points at that local server (STARTTLS + AUTH, or OAuth). */
export async function createOrg(smtpPort?: number, oauth?: TOAuthSetup) {
  const prisma = await getPrisma()
  const suffix = randomBytes(4).toString('hex')
  const org = await prisma.organization.create({ data: { name: `Outbox ${suffix}`, slug: `outbox-${suffix}` } })
  if (smtpPort) await pointOrgAt(org.id, smtpPort, { oauth })
  return org
}

const NO_OAUTH = { tenantId: null, tokenUrl: null, clientId: null, scope: null, clientSecretExpiresAt: null, serviceAccountEmail: null, dkimSelector: null }

/** Saves (or replaces) the organization's custom provider; the password defaults to the test servers' one. */
export async function pointOrgAt(orgId: string, smtpPort: number, options: { password?: string; useDefaultOnFailure?: boolean; oauth?: TOAuthSetup } = {}) {
  const { password = TEST_USER.password, useDefaultOnFailure = false, oauth } = options
  const prisma = await getPrisma()
  const { emailProviderVersion } = await prisma.organization.findUniqueOrThrow({ where: { id: orgId } })
  const write: TProviderWrite = {
    ...NO_OAUTH,
    preset: 'custom',
    host: 'localhost',
    port: smtpPort,
    security: 'auto',
    authKind: 'password',
    fromAddress: 'no-reply@outbox.test',
    replyTo: 'help@outbox.test',
    username: TEST_USER.username,
    displayName: 'Outbox Org',
    useDefaultOnFailure,
    secrets: { password },
  }
  const withOAuth: TProviderWrite = oauth
    ? {
        ...write,
        authKind: 'oauth_client_credentials',
        tokenUrl: oauth.tokenUrl,
        clientId: oauth.clientId,
        scope: oauth.scope,
        secrets: { clientSecret: oauth.clientSecret },
      }
    : write
  await saveProvider(orgId, actor, emailProviderVersion, withOAuth, [])
}

/** Queues `count` verification emails to distinct recipients, each in its own transaction. */
export async function enqueueMany(orgId: string, count: number, prefix = 'user') {
  const prisma = await getPrisma()
  const recipients = Array.from({ length: count }, (_, index) => `${prefix}-${index}@users.test`)
  for (const to of recipients) {
    await prisma.$transaction((tx) => enqueueEmail(tx, { orgId, kind: 'verify', to, subject: `Verify ${to}`, html: `<p>${to}</p>`, text: to }))
  }
  return recipients
}

/** The organization's outbox rows. */
export async function outboxOf(orgId: string) {
  const prisma = await getPrisma()
  return prisma.outboxMessage.findMany({ where: { orgId }, orderBy: { createdAt: 'asc' } })
}
