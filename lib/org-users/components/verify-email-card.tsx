'use client'

import { useActionState } from 'react'
import { verifyEmailAction } from '@/lib/org-users/actions/verify'
import type { TLinkResult } from '@/lib/org-users/types'
import { Button } from '@/components/ui/button'
import { INVALID_LINK_TITLE, InvalidLinkHelp } from './invalid-link'
import { OrgCard } from './org-card'

type TVerifyEmailCardProps = { orgName: string; slug: string; token: string }

/** The verify link's page: a **Verify email** button whose POST consumes the link (opening the link alone changes nothing). */
export function VerifyEmailCard({ orgName, slug, token }: TVerifyEmailCardProps) {
  const [result, formAction, isPending] = useActionState<TLinkResult | null>(() => verifyEmailAction(slug, token), null)
  if (result?.ok) return <OrgCard orgName={orgName} title="Email verified" subtitle={`Your email address is confirmed and your ${orgName} account is ready.`} />
  if (result) {
    return (
      <OrgCard orgName={orgName} title={INVALID_LINK_TITLE}>
        <InvalidLinkHelp slug={slug} purpose="verify" />
      </OrgCard>
    )
  }
  return (
    <OrgCard orgName={orgName} title="Verify your email" subtitle={`Confirm that this address belongs to you to finish creating your ${orgName} account.`}>
      <form action={formAction}>
        <Button type="submit" isPending={isPending} className="w-full">
          Verify email
        </Button>
      </form>
    </OrgCard>
  )
}
