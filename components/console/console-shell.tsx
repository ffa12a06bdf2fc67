import Link from 'next/link'
import { signOutAction } from '@/lib/auth/actions/sign-out'
import { Logo } from './logo'
import { SidebarNav } from './sidebar-nav'
import { routes } from '@/lib/routes'

type TConsoleShellProps = {
  org: { name: string; slug: string }
  admin: { email: string }
  role: string
  children: React.ReactNode
}

/** The signed-in frame: sidebar with the organization, navigation and the admin's account. */
export function ConsoleShell({ org, admin, role, children }: TConsoleShellProps) {
  const base = routes.org(org.slug)
  // the pages check the role themselves; members are not shown links that would answer 404
  const settingsLinks = [
    { href: routes.emailProvider(org.slug), label: 'Email Provider' },
    ...(role === 'owner' || role === 'admin' ? [{ href: routes.apiKeys(org.slug), label: 'API keys' }] : []),
  ]
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-64 shrink-0 flex-col border-r border-slate-200 bg-white px-4 py-5">
        <Link href={base} className="rounded-md px-2">
          <Logo />
        </Link>
        <div className="mt-6 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2">
          <p className="text-xs text-slate-500">Organization</p>
          <p className="truncate text-sm font-semibold text-slate-900" title={org.name}>
            {org.name}
          </p>
        </div>
        <div className="mt-6 flex-1">
          <SidebarNav
            groups={[
              { label: 'Overview', links: [{ href: base, label: 'Home', isExact: true }] },
              { label: 'Organizational Settings', links: settingsLinks },
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
