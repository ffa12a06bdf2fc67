import { simpleParser } from 'mailparser'
import { describe, expect, it } from 'vitest'
import { composeMessage } from '@/lib/mail/server/compose'
import type { TMailMessage } from '@/lib/mail/types'

const message: TMailMessage = {
  from: { name: 'ACME "Support", Zürich <ops>', address: 'no-reply@example.test' },
  replyTo: { name: 'Ünïcødé, Team', address: 'help@example.test' },
  to: 'user@example.test',
  subject: 'Hello',
  text: 'Hi',
  html: '<p>Hi</p>',
}

describe('composeMessage', () => {
  it('encodes display names with quotes, commas, angle brackets and non-ASCII, and they parse back intact', async () => {
    const { raw, envelope } = await composeMessage(message)
    const headers = raw.toString('utf8').split('\r\n\r\n')[0]
    // nothing of the display name leaks unencoded into the header as extra addresses
    expect(headers).not.toContain('<ops>')
    const parsed = await simpleParser(raw)
    expect(parsed.from?.value).toEqual([{ name: message.from.name, address: message.from.address }])
    expect(parsed.replyTo?.value).toEqual([{ name: message.replyTo?.name, address: message.replyTo?.address }])
    expect(envelope).toEqual({ from: 'no-reply@example.test', to: ['user@example.test'] })
  })

  it('cannot be tricked into extra headers by a display name', async () => {
    const { raw } = await composeMessage({ ...message, from: { name: 'Evil\r\nBcc: victim@example.test', address: 'no-reply@example.test' } })
    const parsed = await simpleParser(raw)
    expect(parsed.bcc).toBeUndefined()
    expect(parsed.from?.value).toHaveLength(1)
  })

  it('omits Reply-To when there is none', async () => {
    const parsed = await simpleParser((await composeMessage({ ...message, replyTo: undefined })).raw)
    expect(parsed.replyTo).toBeUndefined()
  })
})
