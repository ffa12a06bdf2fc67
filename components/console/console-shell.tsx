import Link from 'next/link'
import { signOutAction } from '@/lib/auth/actions/sign-out'
import { Logo } from './logo'
import { OrgSwitcher } from './org-switcher'
import { SidebarNav } from './sidebar-nav'
import { routes } from '@/lib/routes'

type TConsoleShellProps = {
  org: { name: string; slug: string }
  admin: { email: string }
  role: string
  /** every organization the admin belongs to (the org switcher) */
  orgs?: ReadonlyArray<{ name: string; slug: string }>
  children: React.ReactNode
}

/** The signed-in frame: sidebar with the organization, navigation and the admin's account. */
export function ConsoleShell({ org, admin, role, orgs = [], children }: TConsoleShellProps) {
  const base = routes.org(org.slug)
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-64 shrink-0 flex-col border-r border-slate-200 bg-white px-4 py-5">
        <Link href={base} className="rounded-md px-2">
          <Logo />
        </Link>
        <OrgSwitcher current={org} orgs={orgs} />
        <div className="mt-6 flex-1">
          <SidebarNav
            groups={[
              { label: 'Overview', links: [{ href: base, label: 'Home', isExact: true }] },
              {
                label: 'Organizational Settings',
                links: [
                  { href: routes.emailProvider(org.slug), label: 'Email Provider' },
                  { href: routes.members(org.slug), label: 'Members' },
                ],
              },
            ]}
          />
        </div>
        <div className="border-t border-slate-200 pt-4">
          <p className="truncate px-2 text-sm font-medium text-slate-800" title={admin.email}>
            {admin.email}
          </p>
          <p className="px-2 text-xs text-slate-500 capitalize">{role}</p>
          <form action={signOutAction} className="mt-2">
            <button type="submit" className="w-full rounded-md px-2 py-1.5 text-left text-sm font-medium text-slate-700 hover:bg-slate-100">
              Sign out
            </button>
          </form>
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-10 py-8">{children}</main>
    </div>
  )
}
