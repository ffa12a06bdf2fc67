import Link from 'next/link'
import { redirect } from 'next/navigation'
import { AuthCard } from '@/lib/auth/components/auth-card'
import { LoginForm } from '@/lib/auth/components/login-form'
import { SecondFactorForm } from '@/lib/auth/components/second-factor-form'
import { getCurrentAdmin } from '@/lib/auth/server/session'
import { safeNextPath } from '@/lib/auth/safe-next'
import { findFirstOrgSlug } from '@/lib/orgs/server/store'
import { routes } from '@/lib/routes'

export const metadata = { title: 'Sign in' }

type TLoginPageProps = { searchParams: Promise<{ next?: string | string[]; step?: string | string[] }> }

export default async function LoginPage({ searchParams }: TLoginPageProps) {
  const params = await searchParams
  const next = safeNextPath(params.next) ?? undefined
  const admin = await getCurrentAdmin()
  if (admin) {
    const slug = await findFirstOrgSlug(admin.id)
    redirect(next ?? (slug ? routes.org(slug) : routes.signup))
  }
  // the password was right and two-factor is on (Better Auth's two-factor cookie says whose sign-in this is)
  if (params.step === 'code') {
    return (
      <AuthCard
        title="Two-factor authentication"
        subtitle="Enter the code from your authenticator app to finish signing in."
        footer={
          <Link href={next ? routes.loginThen(next) : routes.login} className="rounded font-semibold text-brand-700 hover:text-brand-800">
            Sign in with a different account
          </Link>
        }
      >
        <SecondFactorForm next={next} />
      </AuthCard>
    )
  }
  return (
    <AuthCard
      title="Sign in"
      subtitle="Manage how your organization sends email."
      footer={
        <>
          New here?{' '}
          <Link href="/signup" className="rounded font-semibold text-brand-700 hover:text-brand-800">
            Create an account
          </Link>
        </>
      }
    >
      <LoginForm next={next} notice={next ? 'Please sign in to continue.' : undefined} />
    </AuthCard>
  )
}
