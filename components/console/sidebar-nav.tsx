'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { cn } from '@/components/ui/cn'

type TNavGroup = { label: string; links: Array<{ href: string; label: string; isExact?: boolean }>; isLabelHidden?: boolean }

/** The console's navigation; the current page is marked for sighted and screen-reader users alike. */
export function SidebarNav({ groups, label = 'Console' }: { groups: TNavGroup[]; label?: string }) {
  const pathname = usePathname()
  return (
    <nav aria-label={label} className="flex flex-col gap-6">
      {groups.map((group) => (
        <div key={group.label} role="group" aria-labelledby={`nav-${group.label.replaceAll(' ', '-')}`}>
          <h2
            id={`nav-${group.label.replaceAll(' ', '-')}`}
            className={cn('px-2 text-xs font-semibold tracking-wide text-slate-500 uppercase', group.isLabelHidden && 'sr-only')}
          >
            {group.label}
          </h2>
          <ul className={cn('flex flex-col gap-0.5', !group.isLabelHidden && 'mt-2')}>
            {group.links.map((link) => {
              const isCurrent = pathname === link.href || (!link.isExact && pathname.startsWith(`${link.href}/`))
              return (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    aria-current={isCurrent ? 'page' : undefined}
                    className={cn(
                      'block rounded-md px-2 py-1.5 text-sm font-medium',
                      isCurrent ? 'bg-brand-50 text-brand-800' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900',
                    )}
                  >
                    {link.label}
                  </Link>
                </li>
              )
            })}
          </ul>
        </div>
      ))}
    </nav>
  )
}
