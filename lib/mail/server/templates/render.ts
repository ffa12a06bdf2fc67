import 'server-only'
import { render } from '@react-email/render'
import type { ReactElement } from 'react'

/** A rendered email: what the outbox stores and sends. */
export type TRenderedEmail = { subject: string; html: string; text: string }

/** Collapses line breaks and runs of spaces: organization names end up in the Subject header. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

/** Renders the HTML of a template and pairs it with its subject and hand-written plain text. */
export async function renderEmail(subject: string, element: ReactElement, textLines: string[]): Promise<TRenderedEmail> {
  return { subject: oneLine(subject), html: await render(element), text: `${textLines.join('\n')}\n` }
}
