import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { INVALID_LINK_TITLE, InvalidLinkHelp } from '@/lib/org-users/components/invalid-link'
import { OrgCard } from '@/lib/org-users/components/org-card'
import { VerifyEmailCard } from '@/lib/org-users/components/verify-email-card'
import { isVerifyLinkUsable } from '@/lib/org-users/server/flows'
import { ZLinkToken } from '@/lib/org-users/schema'
import { findPublicOrg } from '@/lib/org-users/server/store'

export const metadata = { title: 'Verify your email' }

type TPageProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ token?: string | string[] }> }

// The link is checked, never consumed, here: mail scanners and link previews open it too. The button's POST verifies.
export default async function OrgVerifyPage({ params, searchParams }: TPageProps) {
  await headers() // first: keeps the page dynamic, so `next build` never opens the database
  const [{ slug }, { token }] = await Promise.all([params, searchParams])
  const org = (await findPublicOrg(slug)) ?? notFound()
  const parsedToken = ZLinkToken.safeParse(token)
  if (!parsedToken.success || !(await isVerifyLinkUsable(org, parsedToken.data))) {
    return (
      <OrgCard orgName={org.displayName} title={INVALID_LINK_TITLE}>
        <InvalidLinkHelp slug={org.slug} purpose="verify" />
      </OrgCard>
    )
  }
  return <VerifyEmailCard orgName={org.displayName} slug={org.slug} token={parsedToken.data} />
}
