import Link from 'next/link'
import { redirect } from 'next/navigation'
import { AuthCard } from '@/components/auth/auth-card'
import { SignupForm } from '@/components/auth/signup-form'
import { getCurrentAdmin } from '@/lib/auth/session'
import { findFirstOrgSlug } from '@/lib/orgs/store'

export const metadata = { title: 'Create account' }

export default async function SignupPage() {
  const admin = await getCurrentAdmin()
  if (admin) {
    const slug = await findFirstOrgSlug(admin.id)
    if (slug) redirect(`/orgs/${slug}`)
  }
  return (
    <AuthCard
      title="Create your account"
      subtitle="Set up your organization and send its emails from your own domain."
      footer={
        <>
          Already have an account?{' '}
          <Link href="/login" className="rounded font-semibold text-brand-700 hover:text-brand-800">
            Sign in
          </Link>
        </>
      }
    >
      <SignupForm />
    </AuthCard>
  )
}
