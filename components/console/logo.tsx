/** The product mark and name. */
export function Logo() {
  return (
    <span className="flex items-center gap-2 text-slate-900">
      <span className="grid size-8 place-items-center rounded-lg bg-brand-600 text-white shadow-sm" aria-hidden>
        <svg viewBox="0 0 24 24" className="size-4.5" fill="none" stroke="currentColor" strokeWidth="2">
          <rect x="3" y="5" width="18" height="14" rx="2" />
          <path d="m3 7 9 6 9-6" />
        </svg>
      </span>
      <span className="text-base font-semibold tracking-tight">Mailgate</span>
    </span>
  )
}
