// The step list rendered on the server, as the dialog first paints it: a failure whose fix is in the From Address's
// domain records links the Sender domain card; others do not.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { DiagnosticSteps } from '@/lib/email-provider/components/diagnostic-steps'

const render = (steps: Parameters<typeof DiagnosticSteps>[0]['steps']) => renderToStaticMarkup(createElement(DiagnosticSteps, { steps }))

describe('DiagnosticSteps', () => {
  it('links the Sender domain card from a failure the domain causes', () => {
    const html = render([
      { stage: 'data', status: 'failed', detail: 'Gmail refused the message: SPF failed', hint: 'Authorize the server', fixIn: 'sender-domain' },
    ])
    expect(html).toMatch(/<a href="#sender-domain"[^>]*>Open Sender domain<\/a>/)
  })

  it('shows no such link for a failure elsewhere', () => {
    expect(render([{ stage: 'auth', status: 'failed', detail: 'Wrong password', hint: 'Check the password' }])).not.toContain('#sender-domain')
  })
})
