import Link from 'next/link'
import { signOutAction } from '@/lib/auth/actions/sign-out'
import { Logo } from './logo'
import { MobileNav } from './mobile-nav'
import { OrgSwitcher } from './org-switcher'
import { SidebarNav } from './sidebar-nav'
import { routes } from '@/lib/routes'

type TConsoleShellProps = {
  org: { name: string; slug: string }
  admin: { email: string }
  role: string
  /** every organization the admin belongs to (the org switcher) */
  orgs?: ReadonlyArray<{ name: string; slug: string }>
  /** shown above every page (e.g. the reminder to confirm the admin's email address) */
  notice?: React.ReactNode
  children: React.ReactNode
}

/** The signed-in frame: sidebar with the organization, navigation and the admin's account; a drawer below `md`. */
export function ConsoleShell({ org, admin, role, orgs = [], notice, children }: TConsoleShellProps) {
  const sidebar = <SidebarContent org={org} admin={admin} role={role} orgs={orgs} />
  return (
    <div className="min-h-screen md:flex">
      <header className="sticky top-0 z-30 flex items-center justify-between border-b border-slate-200 bg-white px-4 py-2 md:hidden">
        <Link href={routes.org(org.slug)} className="rounded-md px-1">
          <Logo />
        </Link>
        <MobileNav>{sidebar}</MobileNav>
      </header>
      <aside className="hidden w-64 shrink-0 flex-col border-r border-slate-200 bg-white px-4 py-5 md:flex">{sidebar}</aside>
      <main className="min-w-0 flex-1 px-4 py-6 sm:px-6 md:px-10 md:py-8">
        {notice}
        {children}
      </main>
    </div>
  )
}

function SidebarContent({ org, admin, role, orgs = [] }: Omit<TConsoleShellProps, 'children' | 'notice'>) {
  const base = routes.org(org.slug)
  // the pages check the role themselves; members are not shown links that would answer 404
  const settingsLinks = [
    { href: routes.emailProvider(org.slug), label: 'Email Provider' },
    { href: routes.members(org.slug), label: 'Members' },
    ...(role === 'owner' || role === 'admin' ? [{ href: routes.apiKeys(org.slug), label: 'API keys' }] : []),
  ]
  return (
    <>
      <Link href={base} className="rounded-md px-2">
        <Logo />
      </Link>
      <OrgSwitcher current={org} orgs={orgs} />
      <div className="mt-6 flex-1">
        <SidebarNav
          groups={[
            { label: 'Overview', links: [{ href: base, label: 'Home', isExact: true }] },
            { label: 'Organizational Settings', links: settingsLinks },
          ]}
        />
      </div>
      <div className="mt-6 border-t border-slate-200 pt-4">
        <p className="truncate px-2 text-sm font-medium text-slate-800" title={admin.email}>
          {admin.email}
        </p>
        <p className="px-2 text-xs text-slate-600 capitalize">{role}</p>
        <div className="mt-2">
          <SidebarNav label="Account" groups={[{ label: 'Account', links: [{ href: routes.accountSecurity, label: 'Security' }], isLabelHidden: true }]} />
        </div>
        <form action={signOutAction} className="mt-0.5">
          <button type="submit" className="w-full rounded-md px-2 py-1.5 text-left text-sm font-medium text-slate-700 hover:bg-slate-100">
            Sign out
          </button>
        </form>
      </div>
    </>
  )
}
