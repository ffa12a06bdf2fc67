import 'server-only'
import { recordAudit, type TActor } from '@/lib/audit/server/store'
import { failure } from '@/lib/forms/domain-result'
import { can } from '@/lib/members/roles'
import type { TRequireTwoFactor } from '@/lib/members/schema'
import { getPrisma } from '@/lib/server/db'
import type { TMembersResult, TOrgRef } from './service'
import * as store from './store'

/**
 * Require two-factor authentication (owners): when on, members without two-factor are sent to set it up before any
 * page or action of the organization. An owner turns it on only with two-factor on themselves, so they keep access.
 * One transaction: the owner's role and two-factor read inside it, the change and its audit entry written with it.
 */
export async function setRequireTwoFactor(org: TOrgRef, actor: TActor, input: TRequireTwoFactor): Promise<TMembersResult> {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    if (!(await store.lockOrgMembers(tx, org.id))) return failure('forbidden')
    const role = await store.roleIn(tx, org.id, actor.id)
    if (!role || !can(role, 'require-two-factor')) return failure('forbidden')
    if (input.isRequired && !(await store.hasTwoFactorOn(tx, actor.id))) return failure('two-factor-first', 'isRequired')
    if ((await store.findRequireTwoFactor(tx, org.id)) === input.isRequired) return { ok: true }
    await store.saveRequireTwoFactor(tx, org.id, input.isRequired)
    await recordAudit(tx, { orgId: org.id, actor, action: 'org_require_two_factor', details: { isRequired: input.isRequired } })
    return { ok: true }
  })
}
