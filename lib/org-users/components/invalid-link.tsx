import { OrgLink } from './org-card'
import { routes } from '@/lib/routes'

type TInvalidLinkProps = { slug: string; purpose: 'verify' | 'reset' }

export const INVALID_LINK_TITLE = 'This link is invalid or has expired'

/** What to do after following a bad, used or expired emailed link (the card's title says what happened). */
export function InvalidLinkHelp({ slug, purpose }: TInvalidLinkProps) {
  if (purpose === 'reset') {
    return (
      <div className="flex flex-col gap-3 text-sm text-slate-600">
        <p>Password reset links work once and expire after 1 hour. A newer request also replaces older links.</p>
        <p>
          <OrgLink href={routes.orgUserPage(slug, 'recover')}>Request a new recovery email</OrgLink>
        </p>
      </div>
    )
  }
  return (
    <div className="flex flex-col gap-3 text-sm text-slate-600">
      <p>Verification links work once and expire after 24 hours. If you already confirmed your address, there is nothing left to do.</p>
      <p>
        Not confirmed yet? <OrgLink href={routes.orgUserPage(slug, 'recover')}>Reset your password</OrgLink>: the link in that email confirms your address too.
        No account yet? <OrgLink href={routes.orgUserPage(slug, 'signup')}>Sign up</OrgLink>.
      </p>
    </div>
  )
}
