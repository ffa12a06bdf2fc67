// Issue 25, L5: a chunked body (no Content-Length) is read only up to the limit, then refused with 413.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { putEmailProvider } from '@/lib/management-api/server/email-provider'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { newApiKey, newOrgWithOwner } from '../support/api-fixtures'

beforeAll(async () => {
  await getPrisma()
})
afterAll(() => closeDatabase())

describe('a chunked request body', () => {
  it('of 10 MB gets 413 after the first 64 KB, and the rest is never read', async () => {
    const { admin, org } = await newOrgWithOwner()
    const { key } = await newApiKey(org.id, admin, 'read_write')
    const chunk = new Uint8Array(64 * 1024).fill(0x20)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 10 * 1024 * 1024) return controller.close()
        sent += chunk.byteLength
        controller.enqueue(chunk)
      },
    })
    const request = new Request('http://localhost/api/v1/email-provider', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit)
    const answer = await putEmailProvider(request)
    expect(answer.status).toBe(413)
    expect(sent).toBeLessThan(1024 * 1024)
  })
})
