import Link from 'next/link'
import { redirect } from 'next/navigation'
import { AuthCard } from '@/lib/auth/components/auth-card'
import { LoginForm } from '@/lib/auth/components/login-form'
import { getCurrentAdmin } from '@/lib/auth/server/session'
import { safeNextPath } from '@/lib/auth/safe-next'
import { findFirstOrgSlug } from '@/lib/orgs/server/store'
import { routes } from '@/lib/routes'

export const metadata = { title: 'Sign in' }

type TLoginPageProps = { searchParams: Promise<{ next?: string | string[] }> }

export default async function LoginPage({ searchParams }: TLoginPageProps) {
  const next = safeNextPath((await searchParams).next) ?? undefined
  const admin = await getCurrentAdmin()
  if (admin) {
    const slug = await findFirstOrgSlug(admin.id)
    redirect(next ?? (slug ? routes.org(slug) : routes.signup))
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
