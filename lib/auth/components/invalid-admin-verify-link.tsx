import Link from 'next/link'
import { routes } from '@/lib/routes'
import { AuthCard } from './auth-card'

/** What to do after following a bad, used or expired verification link. */
export function InvalidAdminVerifyLink() {
  return (
    <AuthCard
      title="This link is invalid or has expired"
      subtitle="Verification links work once and expire after 24 hours; a newer email replaces older links."
      footer={
        <Link href={routes.home} className="rounded font-semibold text-brand-700 hover:text-brand-800">
          Go to the console
        </Link>
      }
    >
      <p className="text-sm text-slate-600">
        If you already confirmed your address, there is nothing left to do. Otherwise sign in and choose <strong>Resend email</strong> on the reminder at the
        top of the console.
      </p>
    </AuthCard>
  )
}
