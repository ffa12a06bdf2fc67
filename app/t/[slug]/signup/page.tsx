import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { OrgCard, OrgLink, SignInHint } from '@/lib/org-users/components/org-card'
import { OrgSignupForm } from '@/lib/org-users/components/org-signup-form'
import { findPublicOrg } from '@/lib/org-users/server/store'
import { routes } from '@/lib/routes'

export const metadata = { title: 'Sign up' }

type TPageProps = { params: Promise<{ slug: string }> }

export default async function OrgSignupPage({ params }: TPageProps) {
  await headers() // first: keeps the page dynamic, so `next build` never opens the database
  const org = (await findPublicOrg((await params).slug)) ?? notFound()
  return (
    <OrgCard
      orgName={org.displayName}
      title="Create your account"
      subtitle={`Join ${org.displayName}. We will email you a link to confirm your address.`}
      footer={
        <>
          <p>
            Forgot your password? <OrgLink href={routes.orgUserPage(org.slug, 'recover')}>Reset it</OrgLink>
          </p>
          <SignInHint orgName={org.displayName} slug={org.slug} />
        </>
      }
    >
      <OrgSignupForm slug={org.slug} />
    </OrgCard>
  )
}
