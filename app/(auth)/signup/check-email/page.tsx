import Link from 'next/link'
import { AuthCard } from '@/lib/auth/components/auth-card'
import { routes } from '@/lib/routes'

export const metadata = { title: 'Check your inbox' }

const linkClass = 'rounded font-semibold text-brand-700 hover:text-brand-800'

// Every sign-up lands here, for a new address or a registered one alike: the page must not tell them apart.
export default function SignupSentPage() {
  return (
    <AuthCard
      title="Check your inbox"
      subtitle="We sent an email to the address you entered."
      footer={
        <>
          Wrong address?{' '}
          <Link href={routes.signup} className={linkClass}>
            Sign up again
          </Link>
        </>
      }
    >
      <div className="flex flex-col gap-4 text-sm text-slate-600">
        <p>Open the link in it to confirm your email address. If you already had an account, the email tells you how to sign in instead.</p>
        <p>You can use the console while you wait: a reminder stays on top until your address is confirmed.</p>
        <Link
          href={routes.home}
          className="inline-flex h-9 items-center justify-center rounded-md bg-brand-600 px-3.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          Continue to the console
        </Link>
      </div>
    </AuthCard>
  )
}
