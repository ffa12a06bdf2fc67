import { cn } from './cn'

type TAlertProps = { tone?: 'error' | 'success' | 'info' | 'warning'; children: React.ReactNode; className?: string }

const tones = {
  error: 'border-red-200 bg-red-50 text-red-800',
  success: 'border-emerald-200 bg-emerald-50 text-emerald-800',
  info: 'border-slate-200 bg-white text-slate-700',
  warning: 'border-amber-200 bg-amber-50 text-amber-900',
}

/** A form-level message; errors are announced as alerts, the rest politely. */
export function Alert({ tone = 'info', children, className }: TAlertProps) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={cn('rounded-md border px-3.5 py-2.5 text-sm', tones[tone], className)}>
      {children}
    </div>
  )
}
