import { describe, expect, it } from 'vitest'
import { env } from '@/lib/env'
import { getPrisma } from '@/lib/server/db'
import { createDeliveryWorker } from '@/lib/delivery/server/worker/worker'
import { startSmtpServer } from '../support/smtp-server'
import { startTarpitServer } from '../support/tarpit-server'
import { createOrg, enqueueMany, outboxOf } from '../support/outbox-fixtures'
import { waitUntil } from '../support/wait-until'
import { outboxHarness } from '../support/outbox-harness'

// Defect 1 of issue 12: a server that greets, then drips `250-` lines, held its sends forever; every lane stalled on it
// and no organization got any email. Each attempt now has a hard deadline that destroys the socket.

const { workers, servers, orgIds } = outboxHarness()

describe('a tarpit server for one organization', () => {
  it("does not stall another organization's verification email beyond the deadline", async () => {
    const tarpit = await startTarpitServer()
    const healthy = await startSmtpServer('starttls-auth')
    servers.push(tarpit, healthy)
    const x = await createOrg(tarpit.port)
    const y = await createOrg(healthy.port)
    orgIds.push(x.id, y.id)
    await enqueueMany(x.id, 200, 'x') // more than every lane holds at once
    await enqueueMany(y.id, 1, 'y')

    const startedAt = Date.now()
    workers.push(createDeliveryWorker(getPrisma))
    await healthy.waitForMessages(1, env.OUTBOX_SEND_DEADLINE_MS + 5_000)
    await waitUntil(async () => (await outboxOf(y.id))[0]!.status === 'sent', 5_000)
    expect(Date.now() - startedAt).toBeLessThan(env.OUTBOX_SEND_DEADLINE_MS + 5_000)

    // the stuck attempts were ended and their sockets destroyed, not left open
    await waitUntil(async () => tarpit.closedConnections() > 0, 5_000)
    expect((await outboxOf(x.id)).filter((row) => row.status === 'sent' || row.status === 'failed')).toEqual([])
  }, 60_000)
})
