import { cn } from '@/components/ui/cn'
import { RECORD_STATUS_LABELS } from '../labels'
import type { TRecordStatus } from '../types'

const STYLES: Record<TRecordStatus, string> = {
  pass: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
  warning: 'bg-amber-50 text-amber-900 ring-amber-600/30',
  missing: 'bg-red-50 text-red-800 ring-red-600/30',
  'dns-error': 'bg-slate-100 text-slate-800 ring-slate-500/30',
}

const MARKS: Record<TRecordStatus, string> = { pass: '✓', warning: '!', missing: '✕', 'dns-error': '?' }

/** A record's status in words (Pass, Warning, Missing, Could not reach DNS), dark text on a light background. */
export function RecordStatusBadge({ status }: { status: TRecordStatus }) {
  return (
    <span className={cn('inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset', STYLES[status])}>
      <span aria-hidden>{MARKS[status]}</span>
      {RECORD_STATUS_LABELS[status]}
    </span>
  )
}
