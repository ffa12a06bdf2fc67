type TSecuritySectionProps = { id: string; title: string; description: string; children: React.ReactNode }

/** One card of Account › Security, like the console's other settings cards. */
export function SecuritySection({ id, title, description, children }: TSecuritySectionProps) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white shadow-xs">
      <div className="border-b border-slate-200 px-6 py-4">
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{description}</p>
      </div>
      <div className="px-6 py-5">{children}</div>
    </section>
  )
}
