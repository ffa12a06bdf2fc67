import Link from 'next/link'
import { routes } from '@/lib/routes'

type TOrgSwitcherProps = { current: { name: string; slug: string }; orgs: ReadonlyArray<{ name: string; slug: string }> }

/** The organization being run, and every other one the admin belongs to (a disclosure: works without JavaScript). */
export function OrgSwitcher({ current, orgs }: TOrgSwitcherProps) {
  const others = orgs.filter((org) => org.slug !== current.slug)
  return (
    <details className="group mt-6 rounded-lg border border-slate-200 bg-slate-50">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-lg px-3 py-2">
        <span className="min-w-0">
          <span className="block text-xs text-slate-500">Organization</span>
          <span className="block truncate text-sm font-semibold text-slate-900" title={current.name}>
            {current.name}
          </span>
        </span>
        <span aria-hidden className="text-xs text-slate-500 group-open:rotate-180">
          ▾
        </span>
        <span className="sr-only">Switch organization</span>
      </summary>
      <nav aria-label="Your organizations" className="border-t border-slate-200 px-1.5 py-1.5">
        {others.length === 0 ? (
          <p className="px-1.5 py-1 text-xs text-slate-500">You belong to no other organization.</p>
        ) : (
          <ul className="flex flex-col gap-0.5">
            {others.map((org) => (
              <li key={org.slug}>
                <Link href={routes.org(org.slug)} className="block truncate rounded-md px-1.5 py-1 text-sm text-slate-700 hover:bg-white hover:text-slate-900">
                  {org.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </nav>
    </details>
  )
}
