// Delivery health at a glance (lib/delivery/server/outbox/delivery-stats.ts) on the run's database: buckets by UTC day and
// hour, delivered / retried / failed counts, the delivery rate and the median time to delivery; test emails left out.
import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { deliveryStats } from '@/lib/delivery/server/outbox/delivery-stats'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import type { OutboxKind, OutboxStatus } from '@/lib/enums'
import { createOrg } from '../support/outbox-fixtures'

afterAll(() => closeDatabase())

const NOW = new Date('2030-03-10T12:30:00Z')
const at = (iso: string) => new Date(iso)

async function message(orgId: string, createdAt: Date, status: OutboxStatus, options: { attempts?: number; sentAfterMs?: number; kind?: OutboxKind } = {}) {
  const prisma = await getPrisma()
  await prisma.outboxMessage.create({
    data: {
      orgId,
      kind: options.kind ?? 'verify',
      toAddress: 'user@example.test',
      subject: 's',
      html: '',
      text: '',
      messageId: `<${randomUUID()}@stats.test>`,
      status,
      attempts: options.attempts ?? 1,
      createdAt,
      sentAt: options.sentAfterMs === undefined ? null : new Date(createdAt.getTime() + options.sentAfterMs),
    },
  })
}

describe('deliveryStats', () => {
  it('counts per UTC day and hour, with the rate and median of the week', async () => {
    const org = await createOrg()
    await message(org.id, at('2030-03-10T12:05:00Z'), 'sent', { sentAfterMs: 1000 })
    await message(org.id, at('2030-03-10T12:10:00Z'), 'sent', { attempts: 3, sentAfterMs: 5000 })
    await message(org.id, at('2030-03-10T09:00:00Z'), 'failed', { attempts: 2 })
    await message(org.id, at('2030-03-08T23:59:00Z'), 'captured', { sentAfterMs: 3000 })
    await message(org.id, at('2030-03-01T10:00:00Z'), 'sent', { sentAfterMs: 9 }) // older than 7 days
    await message(org.id, at('2030-03-10T12:00:00Z'), 'sent', { kind: 'test', sentAfterMs: 9 })

    const stats = await deliveryStats(org.id, NOW)
    expect(stats.days).toHaveLength(7)
    expect(stats.days[0]!.start).toEqual(at('2030-03-04T00:00:00Z'))
    expect(stats.days[6]).toEqual({ start: at('2030-03-10T00:00:00Z'), delivered: 2, retried: 2, failed: 1 })
    expect(stats.days[4]).toEqual({ start: at('2030-03-08T00:00:00Z'), delivered: 1, retried: 0, failed: 0 })
    expect(stats.hours).toHaveLength(24)
    expect(stats.hours[23]).toEqual({ start: at('2030-03-10T12:00:00Z'), delivered: 2, retried: 1, failed: 0 })
    expect(stats.hours[20]).toEqual({ start: at('2030-03-10T09:00:00Z'), delivered: 0, retried: 1, failed: 1 })
    expect(stats.deliveryRate).toBeCloseTo(3 / 4)
    expect(stats.medianMs).toBeCloseTo(3000)
  })

  it('says nothing rather than 0 % when nothing was sent', async () => {
    const org = await createOrg()
    expect(await deliveryStats(org.id, NOW)).toMatchObject({ deliveryRate: null, medianMs: null })
  })
})
