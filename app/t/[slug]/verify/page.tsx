import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { INVALID_LINK_TITLE, InvalidLinkHelp } from '@/lib/org-users/components/invalid-link'
import { OrgCard } from '@/lib/org-users/components/org-card'
import { verifyOrgUserEmail } from '@/lib/org-users/server/flows'
import { ZLinkToken } from '@/lib/org-users/schema'
import { findPublicOrg } from '@/lib/org-users/server/store'

export const metadata = { title: 'Verify your email' }

type TPageProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ token?: string | string[] }> }

// Following the emailed link is the confirmation: the token is consumed while the page renders.
export default async function OrgVerifyPage({ params, searchParams }: TPageProps) {
  await headers() // first: keeps the page dynamic, so `next build` never opens the database
  const [{ slug }, { token }] = await Promise.all([params, searchParams])
  const org = (await findPublicOrg(slug)) ?? notFound()
  const parsedToken = ZLinkToken.safeParse(token)
  const result = parsedToken.success ? await verifyOrgUserEmail(org, parsedToken.data) : { ok: false }
  if (!result.ok) {
    return (
      <OrgCard orgName={org.name} title={INVALID_LINK_TITLE}>
        <InvalidLinkHelp slug={org.slug} purpose="verify" />
      </OrgCard>
    )
  }
  return <OrgCard orgName={org.name} title="Email verified" subtitle={`Your email address is confirmed and your ${org.name} account is ready.`} />
}
