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
