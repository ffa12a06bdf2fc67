import { headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { OrgCard, OrgLink } from '@/lib/org-users/components/org-card'
import { OrgLoginForm } from '@/lib/org-users/components/org-login-form'
import { findSignedInUser } from '@/lib/org-users/server/flows'
import { readSessionCookie } from '@/lib/org-users/server/session-cookie'
import { findPublicOrg } from '@/lib/org-users/server/store'
import { safeOrgNextPath } from '@/lib/org-users/safe-next'
import { routes } from '@/lib/routes'

export const metadata = { title: 'Sign in' }

type TPageProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ next?: string | string[] }> }

export default async function OrgLoginPage({ params, searchParams }: TPageProps) {
  await headers() // first: keeps the page dynamic, so `next build` never opens the database
  const [{ slug }, { next }] = await Promise.all([params, searchParams])
  const org = (await findPublicOrg(slug)) ?? notFound()
  // already signed in: straight on, as a sign-in would have gone
  if (await findSignedInUser(org, await readSessionCookie())) redirect(safeOrgNextPath(org.slug, next) ?? routes.orgUserPage(org.slug, 'account'))
  return (
    <OrgCard
      orgName={org.displayName}
      title="Sign in"
      subtitle={`Sign in to your ${org.displayName} account.`}
      footer={
        <>
          <p>
            No account yet? <OrgLink href={routes.orgUserPage(org.slug, 'signup')}>Sign up</OrgLink>
          </p>
          <p>
            Forgot your password? <OrgLink href={routes.orgUserPage(org.slug, 'recover')}>Reset it</OrgLink>
          </p>
        </>
      }
    >
      <OrgLoginForm slug={org.slug} next={typeof next === 'string' ? next : undefined} />
    </OrgCard>
  )
}
