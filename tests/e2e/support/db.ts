// Direct access to the e2e server's PostgreSQL database, for setup the UI has no page for and for assertions.
import pg from 'pg'

const url = process.env.E2E_DATABASE_URL
if (!url) throw new Error('E2E_DATABASE_URL is not set: run the end-to-end suite through `npm test`')

/** Runs one query against the e2e database. */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(text, params)).rows
  } finally {
    await client.end()
  }
}

/**
 * Moves every sign-in (and Confirm it's you) of the admin `minutes` into the past: the step-up clock, moved instead of
 * waiting (lib/auth/server/recent-sign-in.ts reads `session.authenticatedAt`).
 */
export async function ageSignIns(email: string, minutes: number): Promise<void> {
  await sql(
    `update "session" set "authenticatedAt" = "authenticatedAt" - make_interval(mins => $2) where "userId" = (select id from "user" where email = $1)`,
    [email, minutes],
  )
}
