// Recent deliveries rendered on the server, as the Email Provider page does (the Retry now button in its initial state).
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { RecentDeliveries } from '@/lib/delivery/components/recent-deliveries'
import type { OutboxStatus } from '@/lib/enums'

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => undefined }) }))
vi.mock('@/lib/delivery/actions', () => ({ retryDeliveryNowAction: async () => ({ ok: true }) }))

const NOW = new Date('2026-11-27T16:00:00Z')
const row = (status: OutboxStatus, lastError: string | null = null) => ({
  id: `id-${status}`,
  kind: 'verify' as const,
  toAddress: `${status}@users.test`,
  status,
  attempts: 2,
  provider: 'custom (smtp.acme.test:587)',
  lastError,
  createdAt: new Date('2026-11-27T15:57:00Z'),
  nextAttemptAt: new Date('2026-11-27T16:05:00Z'),
})
const render = (canRetry: boolean) =>
  renderToStaticMarkup(
    createElement(RecentDeliveries, {
      slug: 'acme',
      now: NOW,
      canRetry,
      moreHref: '/orgs/acme/settings/email-provider?deliveries=40',
      deliveries: [row('retrying', `421 ${'try later '.repeat(30)}`), row('held'), row('sent')],
    }),
  )

describe('RecentDeliveries', () => {
  it('shows relative times with the exact time, the next attempt of waiting rows, and errors in a details', () => {
    const html = render(true)
    expect(html).toContain('<time dateTime="2026-11-27T15:57:00.000Z" title="27 Nov 2026, 15:57 UTC">3 min ago</time>')
    expect(html.match(/Next attempt <time[^>]*>in 5 min<\/time>/g)).toHaveLength(2)
    expect(html).toMatch(/<details[^>]*><summary[^>]*truncate[^>]*><span class="sr-only">Error: <\/span>421 try later/)
    expect(html).toContain('href="/orgs/acme/settings/email-provider?deliveries=40"')
  })

  it('never breaks the server address of the Provider cell', () => {
    expect(render(false)).toContain('custom <span class="whitespace-nowrap">(smtp.acme.test:587)</span>')
  })

  it('offers Retry now on retrying and held rows to owners and admins only', () => {
    expect(render(true).match(/aria-label="Retry now the email to ([a-z]+)@users.test"/g)).toEqual([
      'aria-label="Retry now the email to retrying@users.test"',
      'aria-label="Retry now the email to held@users.test"',
    ])
    expect(render(false)).not.toContain('Retry now')
  })
})
