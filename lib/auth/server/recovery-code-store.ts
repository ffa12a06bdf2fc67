import 'server-only'
import { getPrisma } from '@/lib/server/db'

/** Replaces the admin's recovery codes with these hashes (all older codes stop working). */
export async function replaceRecoveryCodes(userId: string, codeHashes: readonly string[]): Promise<void> {
  const prisma = await getPrisma()
  await prisma.$transaction([
    prisma.recoveryCode.deleteMany({ where: { userId } }),
    prisma.recoveryCode.createMany({ data: codeHashes.map((codeHash) => ({ userId, codeHash })) }),
  ])
}

/** The admin's codes not used yet: id and hash. */
export async function listUnusedRecoveryCodes(userId: string): Promise<{ id: string; codeHash: string }[]> {
  return (await getPrisma()).recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } })
}

/** Marks a code used if it was not yet: false when another request took it first. */
export async function claimRecoveryCode(id: string, at: Date): Promise<boolean> {
  const { count } = await (await getPrisma()).recoveryCode.updateMany({ where: { id, usedAt: null }, data: { usedAt: at } })
  return count === 1
}

/** Gives back a code claimed at `at` whose sign-in did not complete. */
export async function releaseRecoveryCode(id: string, at: Date): Promise<void> {
  await (await getPrisma()).recoveryCode.updateMany({ where: { id, usedAt: at }, data: { usedAt: null } })
}

/** Deletes every recovery code of the admin (two-factor turned off). */
export async function deleteRecoveryCodes(userId: string): Promise<void> {
  await (await getPrisma()).recoveryCode.deleteMany({ where: { userId } })
}
