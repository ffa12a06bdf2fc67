import { CopyButton } from '@/components/ui/copy-button'
import { routes, type TOrgUserPage } from '@/lib/routes'

const USER_PAGES: ReadonlyArray<{ page: TOrgUserPage; label: string }> = [
  { page: 'signup', label: 'Sign up' },
  { page: 'login', label: 'Sign in' },
  { page: 'recover', label: 'Account recovery' },
]

/** Where the organization's users sign up, sign in and recover their account: full addresses to link from its app. */
export function UserPagesCard({ slug, appUrl }: { slug: string; appUrl: string }) {
  return (
    <section aria-labelledby="user-pages" className="rounded-xl border border-slate-200 bg-white p-6 shadow-xs">
      <h2 id="user-pages" className="text-base font-semibold text-slate-900">
        Your users’ pages
      </h2>
      <p className="mt-1 max-w-prose text-sm text-slate-600">
        Link these from your app: the emails of sign-up and recovery go out through this organization’s email provider.
      </p>
      <dl className="mt-4 flex flex-col gap-3">
        {USER_PAGES.map(({ page, label }) => {
          const url = `${appUrl}${routes.orgUserPage(slug, page)}`
          return (
            <div key={page} className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-4">
              <dt className="w-36 shrink-0 text-sm font-medium text-slate-700">{label}</dt>
              <dd className="flex min-w-0 flex-1 items-center gap-2">
                <a href={url} className="min-w-0 flex-1 truncate rounded font-mono text-[13px] text-brand-700 hover:underline">
                  {url}
                </a>
                <CopyButton value={url} label={`Copy the ${label} page’s address`} />
              </dd>
            </div>
          )
        })}
      </dl>
    </section>
  )
}
