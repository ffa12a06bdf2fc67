import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { OrgCard, OrgLink } from '@/lib/org-users/components/org-card'
import { RecoverForm } from '@/lib/org-users/components/recover-form'
import { findPublicOrg } from '@/lib/org-users/server/store'
import { routes } from '@/lib/routes'

export const metadata = { title: 'Reset your password' }

type TPageProps = { params: Promise<{ slug: string }> }

export default async function OrgRecoverPage({ params }: TPageProps) {
  await headers() // first: keeps the page dynamic, so `next build` never opens the database
  const org = (await findPublicOrg((await params).slug)) ?? notFound()
  return (
    <OrgCard
      orgName={org.displayName}
      title="Reset your password"
      subtitle="Enter the email address of your account and we will send you a link to choose a new password."
      footer={
        <p>
          No account yet? <OrgLink href={routes.orgUserPage(org.slug, 'signup')}>Sign up</OrgLink>
        </p>
      }
    >
      <RecoverForm slug={org.slug} />
    </OrgCard>
  )
}
