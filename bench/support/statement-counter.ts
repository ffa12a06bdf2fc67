// Counts the SQL statements an app instance sends to PostgreSQL (every pg client query: Prisma's statements, BEGIN
// and COMMIT alike), leaving out those the benchmark itself issues to check results. PostgreSQL only: PGlite runs
// in-process through another driver.
import { AsyncLocalStorage } from 'node:async_hooks'
import pg from 'pg'

const benchOwn = new AsyncLocalStorage<true>()
const byKind = new Map<string, number>()

const query = pg.Client.prototype.query as (...args: unknown[]) => unknown
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  if (!benchOwn.getStore()) {
    const kind = kindOf(args[0])
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1)
  }
  return query.apply(this, args)
} as typeof pg.Client.prototype.query

// "UPDATE outbox_message", "WITH due_orgs", "BEGIN": enough to tell claims, outcome writes and the rest apart
function kindOf(statement: unknown): string {
  const text = typeof statement === 'string' ? statement : ((statement as { text?: string } | null)?.text ?? '')
  return text.trim().split(/\s+/).slice(0, 2).join(' ').replaceAll('"', '') || '(unknown)'
}

/** Statements the app has sent so far, in all and by their first two words. */
export function appStatements(): { total: number; byKind: Record<string, number> } {
  return { total: [...byKind.values()].reduce((sum, count) => sum + count, 0), byKind: Object.fromEntries(byKind) }
}

/** Runs the benchmark's own queries (checks, not app work) without counting them. */
export function uncounted<T>(work: () => Promise<T>): Promise<T> {
  return benchOwn.run(true, work)
}
