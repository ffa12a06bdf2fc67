import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { INVALID_LINK_TITLE, InvalidLinkHelp } from '@/lib/org-users/components/invalid-link'
import { OrgCard } from '@/lib/org-users/components/org-card'
import { ResetPasswordForm } from '@/lib/org-users/components/reset-password-form'
import { isResetLinkUsable } from '@/lib/org-users/server/flows'
import { ZLinkToken } from '@/lib/org-users/schema'
import { findPublicOrg } from '@/lib/org-users/server/store'

export const metadata = { title: 'Choose a new password' }

type TPageProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ token?: string | string[] }> }

// The link is checked (not consumed) here, so a bad one is told at once; the form's action consumes it.
export default async function OrgResetPage({ params, searchParams }: TPageProps) {
  await headers() // first: keeps the page dynamic, so `next build` never opens the database
  const [{ slug }, { token }] = await Promise.all([params, searchParams])
  const org = (await findPublicOrg(slug)) ?? notFound()
  const parsedToken = ZLinkToken.safeParse(token)
  if (!parsedToken.success || !(await isResetLinkUsable(org, parsedToken.data))) {
    return (
      <OrgCard orgName={org.displayName} title={INVALID_LINK_TITLE}>
        <InvalidLinkHelp slug={org.slug} purpose="reset" />
      </OrgCard>
    )
  }
  return (
    <OrgCard orgName={org.displayName} title="Choose a new password" subtitle="Pick a password you do not use anywhere else.">
      <ResetPasswordForm slug={org.slug} token={parsedToken.data} />
    </OrgCard>
  )
}
