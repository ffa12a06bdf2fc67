import Link from 'next/link'
import { routes } from '@/lib/routes'

type TTwoFactorRequiredNoticeProps = { org: { name: string; slug: string }; isOn: boolean }

/** Above Two-factor authentication, for a member sent here by an organization that requires it. */
export function TwoFactorRequiredNotice({ org, isOn }: TTwoFactorRequiredNoticeProps) {
  return (
    <section
      aria-labelledby="two-factor-required"
      className={
        isOn
          ? 'rounded-xl border border-emerald-200 bg-emerald-50 px-6 py-4 text-sm text-emerald-900'
          : 'rounded-xl border border-amber-200 bg-amber-50 px-6 py-4 text-sm text-amber-950'
      }
    >
      <h2 id="two-factor-required" className="text-base font-semibold">
        {org.name} requires two-factor authentication
      </h2>
      {isOn ? (
        <p className="mt-1">
          Two-factor authentication is on.{' '}
          <Link href={routes.org(org.slug)} className="rounded font-semibold underline hover:no-underline">
            Continue to {org.name}
          </Link>
        </p>
      ) : (
        <p className="mt-1">Turn it on below, with an authenticator app, to open the pages of {org.name}.</p>
      )}
    </section>
  )
}
