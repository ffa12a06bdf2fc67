import 'server-only'
import { render } from '@react-email/render'
import type { ReactElement } from 'react'

/** A rendered email: what the outbox stores and sends. */
export type TRenderedEmail = { subject: string; html: string; text: string }

/** Collapses line breaks and runs of spaces: organization names end up in the Subject header. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

// Anything a mail client could turn into a link: a scheme URL, www.…, or a bare domain (with an optional path).
const LINK_LIKE = /\b(?:[a-z][a-z0-9+.-]*:\/\/\S*|www\.\S*|(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/:?#]\S*)?)/gi
export const SUBJECT_ORG_NAME_MAX = 60

/**
 * An organization name as it may appear in a Subject: plain text, nothing that looks like a URL, at most 60 characters
 * (names are chosen by whoever signs up: the platform's sender must not carry "Urgent: log in at evil.example").
 */
export function subjectOrgName(name: string): string {
  const plain = oneLine(name.replace(LINK_LIKE, ' ').replace(/[<>"]/g, ''))
  const cut = Array.from(plain).slice(0, SUBJECT_ORG_NAME_MAX).join('').trim()
  return cut || 'your organization'
}

/** Renders the HTML of a template and pairs it with its subject and hand-written plain text. */
export async function renderEmail(subject: string, element: ReactElement, textLines: string[]): Promise<TRenderedEmail> {
  return { subject: oneLine(subject), html: await render(element), text: `${textLines.join('\n')}\n` }
}
