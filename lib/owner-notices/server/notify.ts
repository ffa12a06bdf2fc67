import 'server-only'
import type { TActor } from '@/lib/audit/server/store'
import { API_KEY_ACTOR_PREFIX } from '@/lib/api-keys/labels'
import { getClientIp } from '@/lib/auth/server/request-context'
import { enqueueEmail } from '@/lib/delivery/server/outbox/outbox'
import { env } from '@/lib/env'
import { ownerNotice } from '@/lib/mail/server/templates/owner-notice'
import type { TRenderedEmail } from '@/lib/mail/server/templates/render'
import { getPrisma } from '@/lib/server/db'
import type { TTransaction } from '@/lib/server/db/prisma'
import { clientNetwork } from '@/lib/server/net/ip-bucket'
import { OWNER_NOTICES, type TOwnerNotice, type TOwnerNoticeFacts, type TOwnerNoticeKind } from './kinds'

// Owners hear of every change of where the organization's mail goes and of who may change it: rendered before the
// change's transaction (nothing slow while it holds the connection), queued inside it for every owner it finds there
// (sent through the platform's default provider if and only if the change commits).

/** A rendered notice, waiting for the transaction of its change (with what it was rendered from). */
export type TPreparedNotice = { orgId: string; email: TRenderedEmail; notice: TOwnerNotice; render: (notice: TOwnerNotice) => Promise<TRenderedEmail> }

/** Who made the change, and (read from the request when left out) when and from which network. */
export type TNoticeContext = { actor: TActor; network?: string | null; at?: Date }

/** Renders each notice of one change (none: nothing to render). */
export function prepareOwnerNotices(orgId: string | TOrgRef, notices: readonly TOwnerNotice[], context: TNoticeContext): Promise<TPreparedNotice[]> {
  return Promise.all(notices.map((notice) => prepareOwnerNotice(orgId, notice, context)))
}

type TOrgRef = { id: string; name: string; slug: string }

/** Renders `notice` for the organization's owners (given the organization's name and slug, without a database read). */
export async function prepareOwnerNotice(orgOrId: string | TOrgRef, notice: TOwnerNotice, context: TNoticeContext): Promise<TPreparedNotice> {
  const orgId = typeof orgOrId === 'string' ? orgOrId : orgOrId.id
  const org =
    typeof orgOrId === 'string'
      ? await (await getPrisma()).organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true, slug: true } })
      : orgOrId
  const network = context.network === undefined ? await requestNetwork() : context.network
  const at = context.at ?? new Date()
  const render = (facts: TOwnerNotice) => renderNotice(org, facts, { actor: context.actor, network, at })
  return { orgId, email: await render(notice), notice, render }
}

/**
 * The prepared notice when the facts read inside the transaction are the ones it was rendered from, else the notice
 * rendered again from them (rare: someone changed the same thing a moment before; no database read).
 */
export async function withFacts(prepared: TPreparedNotice, notice: TOwnerNotice): Promise<TPreparedNotice> {
  if (JSON.stringify(prepared.notice) === JSON.stringify(notice)) return prepared
  return { ...prepared, notice, email: await prepared.render(notice) }
}

function renderNotice(org: { name: string; slug: string }, notice: TOwnerNotice, context: Required<TNoticeContext>): Promise<TRenderedEmail> {
  const entry = OWNER_NOTICES[notice.kind]
  return ownerNotice({
    orgName: org.name,
    subject: entry.subject,
    title: entry.title,
    facts: [
      ['What changed', whatChanged(notice)],
      ['Who', whoLabel(context.actor)],
      ['When', `${context.at.toISOString().slice(0, 16).replace('T', ' ')} UTC`],
      ['From the network', context.network && context.network !== 'unknown' ? context.network : 'unknown'],
    ],
    link: `${env.APP_URL}${entry.page(org.slug)}`,
  })
}

/** Queues each prepared notice to every owner of its organization, inside the change's transaction. */
export async function queueOwnerNotices(tx: TTransaction, notices: readonly TPreparedNotice[]): Promise<void> {
  for (const notice of notices) {
    const owners = await tx.membership.findMany({ where: { orgId: notice.orgId, role: 'owner' }, select: { user: { select: { email: true } } } })
    for (const owner of owners) await enqueueEmail(tx, { orgId: notice.orgId, kind: 'owner_notice', to: owner.user.email, ...notice.email })
  }
}

function whatChanged<TKind extends TOwnerNoticeKind>(notice: { kind: TKind } & TOwnerNoticeFacts[TKind]): string {
  return OWNER_NOTICES[notice.kind].what(notice)
}

function whoLabel(actor: TActor): string {
  return actor.email.startsWith(API_KEY_ACTOR_PREFIX) ? `the API key ${actor.email.slice(API_KEY_ACTOR_PREFIX.length)}` : actor.email
}

// The requester's network (a range, never the precise address); null outside a request (scripts, tests).
async function requestNetwork(): Promise<string | null> {
  try {
    return clientNetwork(await getClientIp())
  } catch {
    return null
  }
}
