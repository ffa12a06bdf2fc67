// The data layer's window on the generated client: everything outside lib/server/db names Prisma's types through here.
// No 'server-only' marker: scripts (key rotation) import these types in plain Node.
import { Prisma } from '@/lib/generated/prisma/client'

export type { PrismaClient } from '@/lib/generated/prisma/client'
export { Prisma }

/** A client inside `$transaction(async (tx) => …)`. */
export type TTransaction = Prisma.TransactionClient

/** True when `error` is a unique-constraint violation (P2002): a slug, an email or a token that is already taken. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}
