type TDangerZoneCardProps = {
  /** the heading's id (the section is labelled by it) */
  id: string
  action: string
  /** what the action does, in a sentence; `consequenceId` lets a disabled button point at it */
  consequence: string
  consequenceId?: string
  children: React.ReactNode
}

/** The Danger Zone: one destructive action set apart, with its consequence in plain words. */
export function DangerZoneCard({ id, action, consequence, consequenceId, children }: TDangerZoneCardProps) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-red-200 bg-white shadow-xs">
      <h2 id={id} className="border-b border-red-200 px-6 py-4 text-base font-semibold text-red-800">
        Danger Zone
      </h2>
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-5">
        <div className="max-w-prose min-w-0 text-sm">
          <p className="font-medium text-slate-900">{action}</p>
          <p id={consequenceId} className="mt-0.5 text-slate-600">
            {consequence}
          </p>
        </div>
        {children}
      </div>
    </section>
  )
}
