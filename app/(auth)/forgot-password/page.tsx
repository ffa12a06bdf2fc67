import Link from 'next/link'
import { AuthCard } from '@/lib/auth/components/auth-card'
import { ForgotPasswordForm } from '@/lib/auth/components/forgot-password-form'
import { routes } from '@/lib/routes'

export const metadata = { title: 'Forgot password' }

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Forgot your password?"
      subtitle="Enter the email address of your account and we will email you a link to choose a new password."
      footer={
        <>
          Remembered it?{' '}
          <Link href={routes.login} className="rounded font-semibold text-brand-700 hover:text-brand-800">
            Sign in
          </Link>
        </>
      }
    >
      <ForgotPasswordForm />
    </AuthCard>
  )
}
