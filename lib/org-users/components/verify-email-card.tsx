'use client'

import { useState } from 'react'
import { zodResolver } from '@hookform/resolvers/zod'
import { verifyEmailAction } from '@/lib/org-users/actions/verify'
import { ZEmailVerification } from '@/lib/org-users/schema'
import { useActionForm } from '@/components/forms/use-action-form'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/text-field'
import { routes } from '@/lib/routes'
import { INVALID_LINK_TITLE, InvalidLinkHelp } from './invalid-link'
import { OrgCard, OrgLink, SignInLink } from './org-card'

type TVerifyEmailCardProps = { orgName: string; slug: string; token: string }

/**
 * The verify link's page: **Verify email** with the password chosen at sign-up; its POST consumes the link (opening
 * the link alone changes nothing), and someone who did not choose that password resets it instead.
 */
export function VerifyEmailCard({ orgName, slug, token }: TVerifyEmailCardProps) {
  const [outcome, setOutcome] = useState<'done' | 'invalid-link'>()
  const { form, errors, isSubmitting, isHydrated, message, onSubmit } = useActionForm({
    resolver: zodResolver(ZEmailVerification),
    defaultValues: { password: '' },
    fields: ['password'],
    action: (values) => verifyEmailAction(slug, token, values),
    onResult: (result) => {
      if (result.ok) setOutcome('done')
      else if ('isLinkInvalid' in result) setOutcome('invalid-link')
      else return false
      return true
    },
  })

  if (outcome === 'done') {
    return (
      <OrgCard orgName={orgName} title="Email verified" subtitle={`Your email address is confirmed and your ${orgName} account is ready.`}>
        <SignInLink slug={slug} />
      </OrgCard>
    )
  }
  if (outcome === 'invalid-link') {
    return (
      <OrgCard orgName={orgName} title={INVALID_LINK_TITLE}>
        <InvalidLinkHelp slug={slug} purpose="verify" />
      </OrgCard>
    )
  }
  return (
    <OrgCard orgName={orgName} title="Verify your email" subtitle={`Enter the password you chose at sign-up to finish creating your ${orgName} account.`}>
      <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {message && <Alert tone="error">{message}</Alert>}
        <TextField label="Password" type="password" autoComplete="current-password" error={errors.password?.message} {...form.register('password')} />
        <Button type="submit" disabled={!isHydrated} isPending={isSubmitting} className="mt-2 w-full">
          Verify email
        </Button>
        <p className="text-sm text-slate-600">
          Did not sign up, or forgot the password? <OrgLink href={routes.orgUserPage(slug, 'recover')}>Reset your password</OrgLink>
        </p>
      </form>
    </OrgCard>
  )
}
