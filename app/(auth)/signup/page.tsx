import Link from 'next/link'
import { redirect } from 'next/navigation'
import { AuthCard } from '@/lib/auth/components/auth-card'
import { SignupForm } from '@/lib/auth/components/signup-form'
import { getCurrentAdmin } from '@/lib/auth/server/session'
import { findFirstOrgSlug } from '@/lib/orgs/server/store'
import { routes } from '@/lib/routes'

export const metadata = { title: 'Create account' }

export default async function SignupPage() {
  const admin = await getCurrentAdmin()
  if (admin) {
    const slug = await findFirstOrgSlug(admin.id)
    if (slug) redirect(routes.org(slug))
  }
  return (
    <AuthCard
      title="Create your account"
      subtitle="Set up your organization and send its emails from your own domain."
      footer={
        <>
          Already have an account?{' '}
          <Link href={routes.login} className="rounded font-semibold text-brand-700 hover:text-brand-800">
            Sign in
          </Link>
        </>
      }
    >
      <SignupForm />
    </AuthCard>
  )
}
