import 'server-only'
import type { TRecordCheck } from '../types'

/** The verdict when DNS itself did not answer: nothing is known about the record, so never "missing". */
export function dnsFailure(name: string): TRecordCheck {
  return { status: 'dns-error', why: `Could not reach DNS to look up ${name}; try again in a minute.` }
}
