import { cn } from './cn'

/** A dialog's buttons: kept in view at the bottom of the dialog while its body scrolls (small screens, long results). */
export function DialogActions({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <div className={cn('sticky -bottom-6 z-10 -mx-6 mt-5 -mb-6 flex justify-end gap-2 border-t border-slate-200 bg-white px-6 py-4', className)}>
      {children}
    </div>
  )
}
