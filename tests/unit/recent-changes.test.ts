// Recent changes says what an Update changed: old → new for every setting that is not a secret, and only "replaced",
// "set" or "removed" for a secret.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { RecentChanges } from '@/lib/audit/components/recent-changes'

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
const update = (changes: unknown[]) => ({
  id: '1',
  action: 'email_provider_update' as const,
  actorEmail: 'ada@acme.test',
  details: { changes },
  createdAt: new Date('2026-12-07T10:00:00Z'),
})
const render = (changes: unknown[]) =>
  text(renderToStaticMarkup(createElement(RecentChanges, { entries: [update(changes)], now: new Date('2026-12-07T10:05:00Z') })))

describe('Recent changes of an Update', () => {
  it('shows old → new for each plain setting, in the form’s words', () => {
    const said = render([
      { field: 'host', from: 'smtp.old.test', to: 'smtp.new.test' },
      { field: 'port', from: 587, to: 465 },
      { field: 'security', from: 'starttls', to: 'tls' },
      { field: 'authKind', from: 'password', to: 'oauth_client_credentials' },
      { field: 'displayName', from: null, to: 'Acme Support' },
      { field: 'useDefaultOnFailure', from: false, to: true },
    ])
    expect(said).toContain('Server Host smtp.old.test → smtp.new.test')
    expect(said).toContain('Server Port 587 → 465')
    expect(said).toContain('Connection security STARTTLS → TLS')
    expect(said).toContain('Authentication Password → OAuth 2.0 client credentials')
    expect(said).toContain('Display Name (empty) → Acme Support')
    expect(said).toContain('Use the default provider when this server fails off → on')
  })

  it('names a secret’s change without any value', () => {
    expect(render([{ field: 'password', note: 'replaced' }])).toContain('Updated Password replaced')
    expect(render([{ field: 'clientSecret', note: 'set' }])).toContain('Client Secret set')
  })

  it('two Updates of the same field read differently', () => {
    expect(render([{ field: 'host', from: 'a.test', to: 'b.test' }])).not.toBe(render([{ field: 'host', from: 'b.test', to: 'c.test' }]))
  })
})
