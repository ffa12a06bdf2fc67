'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import { verifyAdminEmailAction } from '@/lib/auth/actions/verify-email'
import { Button } from '@/components/ui/button'
import { routes } from '@/lib/routes'
import { AuthCard } from './auth-card'
import { InvalidAdminVerifyLink } from './invalid-admin-verify-link'

const linkClass = 'rounded font-semibold text-brand-700 hover:text-brand-800'

/** The verification link's page: a **Verify email** button whose POST consumes the link (opening it changes nothing). */
export function VerifyAdminEmail({ token }: { token: string }) {
  const [result, formAction, isPending] = useActionState<{ ok: boolean } | null>(() => verifyAdminEmailAction(token), null)
  if (result && !result.ok) return <InvalidAdminVerifyLink />
  const consoleLink = (
    <Link href={routes.home} className={linkClass}>
      Continue to the console
    </Link>
  )
  if (result) {
    return (
      <AuthCard title="Email verified" subtitle="Your email address is confirmed." footer={consoleLink}>
        <p className="text-sm text-slate-600">Your organizations can now send up to their full volume through the platform’s default provider.</p>
      </AuthCard>
    )
  }
  return (
    <AuthCard title="Verify your email" subtitle="Confirm that this address belongs to you to finish setting up your Mailgate account." footer={consoleLink}>
      <form action={formAction}>
        <Button type="submit" isPending={isPending} className="w-full">
          Verify email
        </Button>
      </form>
    </AuthCard>
  )
}
