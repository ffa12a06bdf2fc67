'use client'

import { resetPasswordAction } from '@/lib/org-users/actions/reset'
import { LinkPasswordForm } from '@/components/forms/link-password-form'
import { Alert } from '@/components/ui/alert'
import { INVALID_LINK_TITLE, InvalidLinkHelp } from './invalid-link'
import { SignInLink } from './org-card'

/** Sets a new password with the token of an emailed reset link. */
export function ResetPasswordForm({ slug, token }: { slug: string; token: string }) {
  return (
    <LinkPasswordForm
      reset={(values) => resetPasswordAction(slug, token, values)}
      done={
        <div className="flex flex-col gap-4">
          <Alert tone="success">Your password has been reset.</Alert>
          <SignInLink slug={slug} />
        </div>
      }
      invalidLink={
        <div className="flex flex-col gap-4">
          <Alert tone="error">{INVALID_LINK_TITLE}.</Alert>
          <InvalidLinkHelp slug={slug} purpose="reset" />
        </div>
      }
    />
  )
}
