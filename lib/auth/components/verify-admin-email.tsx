'use client'

import Link from 'next/link'
import { useState } from 'react'
import { zodResolver } from '@hookform/resolvers/zod'
import { verifyAdminEmailAction } from '@/lib/auth/actions/verify-email'
import { ZEmailVerification } from '@/lib/org-users/schema'
import { useActionForm } from '@/components/forms/use-action-form'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/text-field'
import { routes } from '@/lib/routes'
import { AuthCard } from './auth-card'
import { InvalidAdminVerifyLink } from './invalid-admin-verify-link'

const linkClass = 'rounded font-semibold text-brand-700 hover:text-brand-800'

/**
 * The verification link's page: **Verify email** with the password chosen at sign-up. Its POST consumes the link
 * (opening it changes nothing) and signs the admin in, in whichever browser opened it.
 */
export function VerifyAdminEmail({ token }: { token: string }) {
  const [isLinkInvalid, setIsLinkInvalid] = useState(false)
  const { form, errors, isSubmitting, isHydrated, message, onSubmit } = useActionForm({
    resolver: zodResolver(ZEmailVerification),
    defaultValues: { password: '' },
    fields: ['password'],
    action: (values) => verifyAdminEmailAction(token, values),
    onResult: (result) => 'isLinkInvalid' in result && (setIsLinkInvalid(true), true),
  })

  if (isLinkInvalid) return <InvalidAdminVerifyLink />
  return (
    <AuthCard
      title="Verify your email"
      subtitle="Enter the password you chose at sign-up to confirm this address and sign in to Mailgate."
      footer={
        <>
          Did not sign up, or forgot the password?{' '}
          <Link href={routes.forgotPassword} className={linkClass}>
            Reset your password
          </Link>
        </>
      }
    >
      <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {message && <Alert tone="error">{message}</Alert>}
        <TextField label="Password" type="password" autoComplete="current-password" error={errors.password?.message} {...form.register('password')} />
        <Button type="submit" disabled={!isHydrated} isPending={isSubmitting} className="mt-2 w-full">
          Verify email
        </Button>
      </form>
    </AuthCard>
  )
}
