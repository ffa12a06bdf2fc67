import { expect, test } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import { SECRET_MARKER } from './support/secrets'

// Runs after every other project: each SMTP password typed in the suite carries SECRET_MARKER, and none may
// have reached either server's output.
test('the server logs never contain a saved password', () => {
  const logs = readdirSync('test-logs').filter((name) => name.endsWith('.log'))
  expect(logs.sort()).toEqual(['e2e-server-pglite.log', 'e2e-server.log'])
  for (const name of logs) {
    const log = readFileSync(`test-logs/${name}`, 'utf8')
    expect(log.length).toBeGreaterThan(0)
    expect(log).not.toContain(SECRET_MARKER)
  }
})
