// Counts the SQL statements an app instance sends to PostgreSQL (every pg client query: Prisma's statements, BEGIN
// and COMMIT alike), leaving out those the benchmark itself issues to check results. PostgreSQL only: PGlite runs
// in-process through another driver.
import { AsyncLocalStorage } from 'node:async_hooks'
import pg from 'pg'

const benchOwn = new AsyncLocalStorage<true>()
let statements = 0

const query = pg.Client.prototype.query as (...args: unknown[]) => unknown
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  if (!benchOwn.getStore()) statements++
  return query.apply(this, args)
} as typeof pg.Client.prototype.query

/** Statements the app has sent so far. */
export function appStatements(): number {
  return statements
}

/** Runs the benchmark's own queries (checks, not app work) without counting them. */
export function uncounted<T>(work: () => Promise<T>): Promise<T> {
  return benchOwn.run(true, work)
}
