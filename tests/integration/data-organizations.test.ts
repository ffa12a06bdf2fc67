// Organizations (lib/orgs/server/store.ts) on the run's database: unique slugs, the owner's membership, access scoped by org.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { createOrganizationWithOwner, findFirstOrgSlug, findOrgAccess } from '@/lib/orgs/server/store'
import { createAdmin, setMembership, uniqueTag } from '../support/data-fixtures'

type TAdmin = { id: string; email: string }

let owner: TAdmin
let outsider: TAdmin

// Also opens (and migrates) the run's database, which takes seconds on PGlite, under the hook timeout.
beforeAll(async () => {
  const prisma = await getPrisma()
  owner = await createAdmin(prisma, 'owner')
  outsider = await createAdmin(prisma, 'outsider')
})
afterAll(() => closeDatabase())

describe('createOrganizationWithOwner', () => {
  it('derives the slug from the name and makes the creator its only member, as owner', async () => {
    const tag = uniqueTag()
    const org = await createOrganizationWithOwner(owner.id, `Café Zürich ${tag}`)
    expect(org).toEqual({ id: expect.any(String), name: `Café Zürich ${tag}`, slug: `cafe-zurich-${tag}` })

    const prisma = await getPrisma()
    const memberships = await prisma.membership.findMany({ where: { orgId: org.id }, select: { userId: true, role: true } })
    expect(memberships).toEqual([{ userId: owner.id, role: 'owner' }])
    expect(await prisma.organization.findUnique({ where: { id: org.id }, select: { emailProviderVersion: true } })).toEqual({ emailProviderVersion: 0 })
  })

  it('gives a second organization of the same name the slug with -2, a third -3', async () => {
    const name = `Acme ${uniqueTag()}`
    const slugs = []
    for (let count = 0; count < 3; count++) slugs.push((await createOrganizationWithOwner(owner.id, name)).slug)
    const base = name.toLowerCase().replace(' ', '-')
    expect(slugs).toEqual([base, `${base}-2`, `${base}-3`])
  })

  it('gives organizations created at the same moment with the same name distinct slugs', async () => {
    const name = `Race ${uniqueTag()}`
    const base = name.toLowerCase().replace(' ', '-')
    const orgs = await Promise.all([1, 2, 3, 4].map(() => createOrganizationWithOwner(owner.id, name)))
    expect(orgs.map((org) => org.slug).sort()).toEqual([base, `${base}-2`, `${base}-3`, `${base}-4`])
    const prisma = await getPrisma()
    const owners = await prisma.membership.count({ where: { orgId: { in: orgs.map((org) => org.id) }, userId: owner.id, role: 'owner' } })
    expect(owners).toBe(4)
  })

  it('creates nothing when the owner does not exist', async () => {
    const name = `Ghost ${uniqueTag()}`
    await expect(createOrganizationWithOwner('no-such-user', name)).rejects.toThrow()
    const prisma = await getPrisma()
    expect(await prisma.organization.count({ where: { name } })).toBe(0)
  })
})

describe('findOrgAccess', () => {
  // not required by the organization (the default), not on for the member (members-require-two-factor tests the rest)
  const OFF = { isRequired: false, isOn: false }
  it("returns the organization and the member's role", async () => {
    const org = await createOrganizationWithOwner(owner.id, `Scoped ${uniqueTag()}`)
    expect(await findOrgAccess(owner.id, org.slug)).toEqual({ org, role: 'owner', twoFactor: OFF })
  })

  it('returns null for someone who is not a member, even of another organization', async () => {
    const org = await createOrganizationWithOwner(owner.id, `Private ${uniqueTag()}`)
    const outsidersOwn = await createOrganizationWithOwner(outsider.id, `Elsewhere ${uniqueTag()}`)
    expect(await findOrgAccess(outsider.id, org.slug)).toBeNull()
    expect(await findOrgAccess(owner.id, outsidersOwn.slug)).toBeNull()
    expect(await findOrgAccess(outsider.id, outsidersOwn.slug)).toEqual({ org: outsidersOwn, role: 'owner', twoFactor: OFF })
  })

  it('returns null for a slug that does not exist', async () => {
    expect(await findOrgAccess(owner.id, `missing-${uniqueTag()}`)).toBeNull()
  })

  it('sees a member added later with the role given, and the new role after a change', async () => {
    const org = await createOrganizationWithOwner(owner.id, `Team ${uniqueTag()}`)
    const member = await createAdmin(await getPrisma(), 'member')
    expect(await findOrgAccess(member.id, org.slug)).toBeNull()
    await setMembership(await getPrisma(), org.id, member.id, 'viewer')
    expect(await findOrgAccess(member.id, org.slug)).toEqual({ org, role: 'viewer', twoFactor: OFF })
    await setMembership(await getPrisma(), org.id, member.id, 'admin')
    expect(await findOrgAccess(member.id, org.slug)).toEqual({ org, role: 'admin', twoFactor: OFF })
  })
})

describe('findFirstOrgSlug', () => {
  it("finds the user's own organization they joined first", async () => {
    const prisma = await getPrisma()
    const user = await createAdmin(prisma, 'lister')
    expect(await findFirstOrgSlug(user.id)).toBeNull()
    const first = await createOrganizationWithOwner(user.id, `First ${uniqueTag()}`)
    const second = await createOrganizationWithOwner(user.id, `Second ${uniqueTag()}`)
    await createOrganizationWithOwner(outsider.id, `Not mine ${uniqueTag()}`)
    // Joining times set explicitly: two inserts can share a millisecond, and the order must not depend on insertion.
    await prisma.membership.update({ where: { orgId_userId: { orgId: first.id, userId: user.id } }, data: { createdAt: new Date('2030-01-02T00:00:00Z') } })
    await prisma.membership.update({ where: { orgId_userId: { orgId: second.id, userId: user.id } }, data: { createdAt: new Date('2030-01-01T00:00:00Z') } })

    expect(await findFirstOrgSlug(user.id)).toBe(second.slug)
  })
})
