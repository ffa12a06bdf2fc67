import Link from 'next/link'
import { routes } from '@/lib/routes'

type TOrgCardProps = { orgName?: string; title: string; subtitle?: React.ReactNode; footer?: React.ReactNode; children?: React.ReactNode }

/** The centered card of an organization's public pages: its name on top (when known), then the page (same look as AuthCard). */
export function OrgCard({ orgName, title, subtitle, footer, children }: TOrgCardProps) {
  const initial = Array.from(orgName?.trim() ?? '')[0]?.toUpperCase() ?? '?'
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      {orgName && (
        <p className="mb-8 flex items-center gap-2.5 text-slate-900">
          <span className="grid size-8 place-items-center rounded-lg bg-brand-600 text-sm font-semibold text-white shadow-sm" aria-hidden>
            {initial}
          </span>
          <span className="max-w-xs truncate text-base font-semibold tracking-tight">{orgName}</span>
        </p>
      )}
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {subtitle && <p className="mt-1 text-sm text-slate-600">{subtitle}</p>}
        {children && <div className="mt-6">{children}</div>}
      </div>
      {footer && <div className="mt-6 flex max-w-sm flex-col gap-1 text-center text-sm text-slate-600">{footer}</div>}
    </main>
  )
}

/** A link between an organization's public pages, styled like the sign-in footer links. */
export function OrgLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="rounded font-semibold text-brand-700 hover:text-brand-800">
      {children}
    </Link>
  )
}

/** The **Sign in** link that ends a finished verification or reset: the organization's sign-in page. */
export function SignInLink({ slug }: { slug: string }) {
  return (
    <p className="text-sm text-slate-600">
      <OrgLink href={routes.orgUserPage(slug, 'login')}>Sign in</OrgLink>
    </p>
  )
}

/** Where verified users sign in: the organization's sign-in page. */
export function SignInHint({ orgName, slug }: { orgName: string; slug: string }) {
  return (
    <p>
      Already verified? <OrgLink href={routes.orgUserPage(slug, 'login')}>Sign in to {orgName}</OrgLink>
    </p>
  )
}
