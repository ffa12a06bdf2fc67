import { headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { OrgCard } from '@/lib/org-users/components/org-card'
import { SignOutButton } from '@/lib/org-users/components/sign-out-button'
import { findSignedInUser } from '@/lib/org-users/server/flows'
import { readSessionCookie } from '@/lib/org-users/server/session-cookie'
import { findPublicOrg } from '@/lib/org-users/server/store'
import { routes } from '@/lib/routes'

export const metadata = { title: 'Your account' }

type TPageProps = { params: Promise<{ slug: string }> }

// Signed out, or with an unknown or expired cookie, the page sends the visitor to sign in and back here.
export default async function OrgAccountPage({ params }: TPageProps) {
  await headers() // first: keeps the page dynamic, so `next build` never opens the database
  const org = (await findPublicOrg((await params).slug)) ?? notFound()
  const user = await findSignedInUser(org, await readSessionCookie())
  if (!user) redirect(routes.orgUserLoginThen(org.slug, routes.orgUserPage(org.slug, 'account')))
  return (
    <OrgCard orgName={org.displayName} title="Your account" subtitle={`You are signed in to ${org.displayName}.`}>
      <div className="flex flex-col gap-6">
        <dl className="text-sm">
          <dt className="font-medium text-slate-900">Email</dt>
          <dd className="mt-1 break-all text-slate-600">{user.email}</dd>
        </dl>
        <SignOutButton slug={org.slug} />
      </div>
    </OrgCard>
  )
}
