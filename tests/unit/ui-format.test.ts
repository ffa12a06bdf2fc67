import { describe, expect, it } from 'vitest'
import { formatDateTime, formatRelativeTime } from '@/components/ui/format'
import { hrefWith, listLimitOf, showMoreHref } from '@/components/ui/show-more'

const NOW = new Date('2026-11-27T16:00:00Z')
const ago = (ms: number) => new Date(NOW.getTime() - ms)

describe('formatRelativeTime', () => {
  it.each([
    [0, 'just now'],
    [59_000, 'just now'],
    [-59_000, 'just now'],
    [60_000, '1 min ago'],
    [3 * 60_000 + 40_000, '3 min ago'],
    [-3 * 60_000, 'in 3 min'],
    [2 * 3_600_000, '2 hours ago'],
    [-5 * 3_600_000, 'in 5 hours'],
    [86_400_000, 'yesterday'],
    [40 * 86_400_000, '40 days ago'],
  ])('%d ms before now reads %j', (ms, text) => {
    expect(formatRelativeTime(ago(ms), NOW)).toBe(text)
  })

  it('takes ISO strings, like formatDateTime', () => {
    expect(formatRelativeTime('2026-11-27T15:57:00Z', NOW)).toBe('3 min ago')
    expect(formatDateTime('2026-11-27T15:57:00Z')).toBe('27 Nov 2026, 15:57 UTC')
  })
})

describe('Show more', () => {
  it.each([
    [undefined, 20],
    ['40', 40],
    ['45', 40],
    ['10', 20],
    ['-20', 20],
    ['abc', 20],
    ['1e9', 200],
    [['60', '80'], 60],
  ])('?deliveries=%j shows %d rows', (value, limit) => {
    expect(listLimitOf(value)).toBe(limit)
  })

  it('keeps the other parameters and stops at the cap or when the list is shorter than asked', () => {
    const path = '/orgs/acme/settings/email-provider'
    expect(showMoreHref(path, { 'changes-filter': 'all', deliveries: '20' }, 'deliveries', 20, 20)).toBe(`${path}?changes-filter=all&deliveries=40`)
    expect(showMoreHref(path, {}, 'deliveries', 20, 7)).toBeNull()
    expect(showMoreHref(path, {}, 'deliveries', 200, 200)).toBeNull()
    expect(hrefWith(path, { changes: '40', deliveries: '60' }, { changes: null })).toBe(`${path}?deliveries=60`)
  })
})
