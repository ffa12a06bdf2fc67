import { simpleParser } from 'mailparser'
import { describe, expect, it } from 'vitest'
import { enumValues, OutboxKind } from '@/lib/enums'
import { atSenderDomain, newMessageId } from '@/lib/mail/server/message-id'
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

describe('Message-ID', () => {
  const queuedId = '<5f0c1c9e-3b5a-4a43-9d6f-0d9b2f6a8c11@127.0.0.1>'

  it.each(enumValues(OutboxKind))('the %s email is sent with a Message-ID at the From Address domain, its unique part kept', async (kind) => {
    const from = { name: `Acme (${kind})`, address: 'no-reply@Mail.Acme.example' }
    const parsed = await simpleParser((await composeMessage({ ...message, from, messageId: queuedId })).raw)
    expect(parsed.messageId).toBe('<5f0c1c9e-3b5a-4a43-9d6f-0d9b2f6a8c11@mail.acme.example>')
  })

  it('a message without a queued id (the test email) gets a new one at the From Address domain', async () => {
    const parsed = await simpleParser((await composeMessage({ ...message, from: { name: 'Acme', address: 'ops@acme.example' } })).raw)
    expect(parsed.messageId).toMatch(/^<[^@]+@acme\.example>$/)
  })

  it('keeps the queued id when the From Address is an address literal', () => {
    expect(atSenderDomain(queuedId, 'ops@[192.0.2.1]')).toBe(queuedId)
    expect(newMessageId('ops@acme.example')).toMatch(/^<[0-9a-f-]{36}@acme\.example>$/)
  })
})
