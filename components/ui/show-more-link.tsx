import Link from 'next/link'

/** The "Show more" link under a list (a server-rendered URL; it scrolls nowhere). */
export function ShowMoreLink({ href, label }: { href: string; label: string }) {
  return (
    <div className="border-t border-slate-100 px-6 py-3">
      <Link href={href} scroll={false} className="rounded text-sm font-semibold text-brand-700 hover:underline">
        Show more<span className="sr-only"> {label}</span>
      </Link>
    </div>
  )
}
