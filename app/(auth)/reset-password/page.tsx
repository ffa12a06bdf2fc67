import Link from 'next/link'
import { headers } from 'next/headers'
import { AuthCard } from '@/lib/auth/components/auth-card'
import { AdminResetLinkHelp, AdminResetPasswordForm } from '@/lib/auth/components/admin-reset-password-form'
import { isAdminResetLinkUsable } from '@/lib/auth/server/password-reset'
import { ZLinkToken } from '@/lib/org-users/schema'
import { routes } from '@/lib/routes'

// The URL carries a single-use token: keep it out of search engines and Referer headers.
export const metadata = { title: 'Choose a new password', robots: { index: false, follow: false }, referrer: 'no-referrer' }

type TPageProps = { searchParams: Promise<{ token?: string | string[] }> }

const signIn = (
  <Link href={routes.login} className="rounded font-semibold text-brand-700 hover:text-brand-800">
    Back to sign in
  </Link>
)

// The link is checked, never used, here: mail scanners and link previews open it too. The form's POST resets.
export default async function ResetPasswordPage({ searchParams }: TPageProps) {
  await headers() // first: keeps the page dynamic, so `next build` never opens the database
  const parsed = ZLinkToken.safeParse((await searchParams).token)
  if (!parsed.success || !(await isAdminResetLinkUsable(parsed.data))) {
    return (
      <AuthCard title="This link is invalid or has expired" subtitle="This password reset link cannot be used." footer={signIn}>
        <AdminResetLinkHelp />
      </AuthCard>
    )
  }
  return (
    <AuthCard title="Choose a new password" subtitle="Pick a password you do not use anywhere else." footer={signIn}>
      <AdminResetPasswordForm token={parsed.data} />
    </AuthCard>
  )
}
