import Link from 'next/link'
import { AuthCard } from '@/lib/auth/components/auth-card'
import { signOutAction } from '@/lib/auth/actions/sign-out'
import { getCurrentAdmin } from '@/lib/auth/server/session'
import { MEMBERS_MESSAGES } from '@/lib/members/messages'
import { ROLE_LABELS } from '@/lib/members/roles'
import { ZInvitationToken } from '@/lib/members/schema'
import { previewInvitation } from '@/lib/members/server/accept'
import { AcceptInvitationForm } from '@/lib/members/components/accept-invitation-form'
import { AcceptWithPasswordForm } from '@/lib/members/components/accept-with-password-form'
import { routes } from '@/lib/routes'

// The URL carries the invitation's single-use token: keep it out of search engines and Referer headers.
export const metadata = { title: 'Invitation', robots: { index: false, follow: false }, referrer: 'no-referrer' }

const linkClass = 'rounded font-semibold text-brand-700 hover:text-brand-800'

// The link is checked (not consumed) here; Accept invitation consumes it.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const admin = await getCurrentAdmin() // first: reads the request's headers, so the page stays dynamic
  const parsed = ZInvitationToken.safeParse((await params).token)
  const preview = parsed.success ? await previewInvitation(parsed.data) : ({ status: 'invalid-link' } as const)
  if (preview.status !== 'usable') {
    return (
      <AuthCard
        title="This invitation cannot be used"
        subtitle={MEMBERS_MESSAGES[preview.status]}
        footer={
          <Link href={routes.home} className={linkClass}>
            Go to the console
          </Link>
        }
      >
        <p className="text-sm text-slate-600">Invitations work once and expire after 7 days. An owner or admin of the organization can send you a new one.</p>
      </AuthCard>
    )
  }
  const token = parsed.data!
  const subtitle = `You are invited to join ${preview.org.name} as ${ROLE_LABELS[preview.role]}.`
  if (admin && admin.email.toLowerCase() !== preview.email) {
    return (
      <AuthCard
        title="This invitation is for someone else"
        subtitle={subtitle}
        footer={
          <Link href={routes.home} className={linkClass}>
            Go to the console
          </Link>
        }
      >
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3.5 py-2.5 text-sm text-red-800">
          This invitation was sent to <strong>{preview.email}</strong>, but you are signed in as <strong>{admin.email}</strong>. Sign out, then open the link
          again and sign in (or set a password) as {preview.email}.
        </div>
        <form action={signOutAction} className="mt-4">
          <button
            type="submit"
            className="w-full rounded-md px-2 py-1.5 text-sm font-semibold text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
          >
            Sign out
          </button>
        </form>
      </AuthCard>
    )
  }
  if (admin) {
    return (
      <AuthCard title="Accept invitation" subtitle={subtitle} footer={`Signed in as ${admin.email}`}>
        <AcceptInvitationForm token={token} />
      </AuthCard>
    )
  }
  if (preview.hasAccount) {
    return (
      <AuthCard title="Accept invitation" subtitle={subtitle} footer="Invitations work once and expire after 7 days.">
        <p className="text-sm text-slate-600">
          You already have an account as <strong className="text-slate-900">{preview.email}</strong>.{' '}
          <Link href={routes.loginThen(routes.invitation(token))} className={linkClass}>
            Sign in to accept
          </Link>
        </p>
      </AuthCard>
    )
  }
  return (
    <AuthCard
      title="Accept invitation"
      subtitle={`${subtitle} Choose a password to create your account.`}
      footer="Invitations work once and expire after 7 days."
    >
      <AcceptWithPasswordForm token={token} email={preview.email} />
    </AuthCard>
  )
}
