import { describe, expect, it } from 'vitest'
import { senderDomainStep } from '@/lib/email-provider/sender-domain/step'
import type { TRecordStatus, TSenderDomainResult } from '@/lib/email-provider/sender-domain/types'

const result = (spf: TRecordStatus, dkim: TRecordStatus, dmarc: TRecordStatus): TSenderDomainResult => ({
  domain: 'example.com',
  checkedAt: new Date(),
  spf: { status: spf, why: '' },
  dkim: { status: dkim, why: '' },
  dmarc: { status: dmarc, why: '' },
})

describe('senderDomainStep', () => {
  it('passes only when all three records pass', () => {
    expect(senderDomainStep(result('pass', 'pass', 'pass'))).toMatchObject({
      stage: 'domain',
      status: 'ok',
      detail: 'example.com: SPF pass, DKIM pass, DMARC pass',
    })
  })

  it('warns, naming each record, when one needs a change, and points at the Sender domain card', () => {
    const step = senderDomainStep(result('pass', 'missing', 'warning'))
    expect(step).toMatchObject({ status: 'warning', hint: expect.stringContaining('Sender domain') })
    expect(step.detail).toContain('DKIM missing, DMARC warning')
  })

  it('is skipped when DNS could not answer or the check ran out of time, never failing the test email', () => {
    expect(senderDomainStep(result('dns-error', 'dns-error', 'dns-error')).status).toBe('skipped')
    expect(senderDomainStep(null)).toMatchObject({ status: 'skipped', detail: expect.stringContaining('Check DNS') })
  })
})
