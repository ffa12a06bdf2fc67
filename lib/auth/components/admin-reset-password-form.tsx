'use client'

import Link from 'next/link'
import { resetAdminPasswordAction } from '@/lib/auth/actions/password-reset'
import { LinkPasswordForm } from '@/components/forms/link-password-form'
import { Alert } from '@/components/ui/alert'
import { routes } from '@/lib/routes'

const linkClass = 'rounded font-semibold text-brand-700 hover:text-brand-800'

/** The reset page's form; once done, every session of the account is signed out and Sign in leads on. */
export function AdminResetPasswordForm({ token }: { token: string }) {
  return (
    <LinkPasswordForm
      reset={(values) => resetAdminPasswordAction(token, values)}
      done={
        <div className="flex flex-col gap-4">
          <Alert tone="success">Your password has been reset. Every session of your account was signed out.</Alert>
          <Link href={routes.login} className={`${linkClass} self-start text-sm`}>
            Sign in
          </Link>
        </div>
      }
      invalidLink={
        <div className="flex flex-col gap-4">
          <Alert tone="error">This link is invalid or has expired.</Alert>
          <AdminResetLinkHelp />
        </div>
      }
    />
  )
}

/** What to do with a bad, used or expired reset link. */
export function AdminResetLinkHelp() {
  return (
    <div className="flex flex-col gap-3 text-sm text-slate-600">
      <p>Password reset links work once and expire after 1 hour. A newer request also replaces older links.</p>
      <p>
        <Link href={routes.forgotPassword} className={linkClass}>
          Request a new link
        </Link>
      </p>
    </div>
  )
}
