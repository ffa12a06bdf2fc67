import Link from 'next/link'
import { connection } from 'next/server'
import { AuthCard } from '@/lib/auth/components/auth-card'
import { routes } from '@/lib/routes'
import { capturedTexts } from '@/lib/delivery/captured-texts'
import { isPlatformMailCaptured } from '@/lib/delivery/server/platform-mail'

export const metadata = { title: 'Check your inbox' }

const linkClass = 'rounded font-semibold text-brand-700 hover:text-brand-800'

// Every sign-up lands here, for a new address or a registered one alike: the page must not tell them apart.
export default async function SignupSentPage() {
  await connection() // whether mail is captured is read when the page is asked for, not when it is built
  const isCaptured = isPlatformMailCaptured()
  return (
    <AuthCard
      title="Check your inbox"
      subtitle={isCaptured ? capturedTexts.signUp : 'We sent an email to the address you entered.'}
      footer={
        <>
          Wrong address?{' '}
          <Link href={routes.signup} className={linkClass}>
            Sign up again
          </Link>
        </>
      }
    >
      {isCaptured ? (
        <div className="flex flex-col gap-4 text-sm text-slate-600">
          <p>
            <Link href={routes.login} className={linkClass}>
              Sign in
            </Link>{' '}
            with the password you just chose: the reminder on top of the console opens the captured email, and the link in it confirms your address.
          </p>
          <p>If you already had an account, the captured email tells you how to sign in instead.</p>
        </div>
      ) : (
        <div className="flex flex-col gap-4 text-sm text-slate-600">
          <p>Open the link in it and enter the password you just chose: that confirms your address and signs you in, in whichever browser you open it.</p>
          <p>If you already had an account, the email tells you how to sign in instead. It can take a minute to arrive; check your spam folder too.</p>
          <p>
            Or{' '}
            <Link href={routes.login} className={linkClass}>
              sign in
            </Link>{' '}
            with your password now: a reminder with the emailed link stays on top of the console until your address is confirmed.
          </p>
        </div>
      )}
    </AuthCard>
  )
}
