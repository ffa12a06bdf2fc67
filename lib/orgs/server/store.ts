import 'server-only'
import type { MembershipRole } from '@/lib/enums'
import { getPrisma } from '@/lib/server/db'
import { isUniqueViolation } from '@/lib/server/db/prisma'
import { isSlugShaped, slugCandidate, slugify } from '@/lib/orgs/slug'

export type TRole = MembershipRole
/** `twoFactor`: whether the organization requires it (an owners' setting) and whether this member has it on. */
export type TOrgAccess = { org: { id: string; name: string; slug: string }; role: TRole; twoFactor: { isRequired: boolean; isOn: boolean } }

/** Creates an organization with a unique slug and makes `userId` its owner. */
export async function createOrganizationWithOwner(userId: string, name: string) {
  const prisma = await getPrisma()
  const base = slugify(name)
  for (let attempt = 0; ; attempt++) {
    const slug = slugCandidate(base, attempt)
    try {
      return await prisma.organization.create({
        data: { name, slug, memberships: { create: { userId, role: 'owner' } } },
        select: { id: true, name: true, slug: true },
      })
    } catch (error) {
      if (!isUniqueViolation(error) || attempt > 20) throw error
    }
  }
}

/** The organization `slug` and the user's role in it, or null when the user is not a member. */
export async function findOrgAccess(userId: string, slug: string): Promise<TOrgAccess | null> {
  if (!isSlugShaped(slug)) return null
  const prisma = await getPrisma()
  const membership = await prisma.membership.findFirst({
    where: { userId, org: { slug } },
    select: {
      role: true,
      org: { select: { id: true, name: true, slug: true, requireTwoFactor: true } },
      user: { select: { twoFactorEnabled: true } },
    },
  })
  if (!membership) return null
  const { requireTwoFactor, ...org } = membership.org
  return { org, role: membership.role as TRole, twoFactor: { isRequired: requireTwoFactor, isOn: membership.user.twoFactorEnabled } }
}

/** The first organization the user belongs to (where login lands, whose outbox carries their account's emails). */
async function findFirstOrg(userId: string): Promise<{ id: string; slug: string } | null> {
  const prisma = await getPrisma()
  const membership = await prisma.membership.findFirst({
    where: { userId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { org: { select: { id: true, slug: true } } },
  })
  return membership?.org ?? null
}

export const findFirstOrgSlug = async (userId: string) => (await findFirstOrg(userId))?.slug ?? null
export const findFirstOrgId = async (userId: string) => (await findFirstOrg(userId))?.id ?? null
