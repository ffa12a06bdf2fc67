import { expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { SECRET_MARKER } from './support/secrets'

// Runs last (files run in name order with one worker; this one sorts last): every SMTP password typed in the
// suite carries SECRET_MARKER; none may have reached the server's output.
test('the server log never contains a saved password', () => {
  const log = readFileSync('test-logs/e2e-server.log', 'utf8')
  expect(log.length).toBeGreaterThan(0)
  expect(log).not.toContain(SECRET_MARKER)
})
