import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getCurrentAdmin } from '@/lib/auth/server/session'
import { isTwoFactorOn } from '@/lib/auth/server/two-factor'
import { listAdminSessions } from '@/lib/auth/server/admin-sessions'
import { listOrgsOf } from '@/lib/members/server/store'
import { ConsoleShell } from '@/components/console/console-shell'
import { SecuritySection } from '@/lib/auth/components/account/security-section'
import { ChangePasswordForm } from '@/lib/auth/components/account/change-password-form'
import { TwoFactorSection } from '@/lib/auth/components/account/two-factor-section'
import { SessionsList } from '@/lib/auth/components/account/sessions-section'
import { TwoFactorRequiredNotice } from '@/lib/auth/components/account/two-factor-required-notice'
import { findOrgAccess } from '@/lib/orgs/server/store'
import { routes } from '@/lib/routes'

export const metadata = { title: 'Security' }

type TPageProps = { searchParams: Promise<{ 'password-changed'?: string | string[]; required?: string | string[] }> }

export default async function AccountSecurityPage({ searchParams }: TPageProps) {
  const { 'password-changed': passwordChanged, required } = await searchParams
  const admin = await getCurrentAdmin()
  // ?required= survives a sign-in (and the refresh that races the new session cookie after two-factor is confirmed)
  if (!admin) redirect(routes.loginThen(typeof required === 'string' ? routes.accountSecurityRequiredBy(required) : routes.accountSecurity))
  const [orgs, isOn, sessions, requiredBy] = await Promise.all([
    listOrgsOf(admin.id),
    isTwoFactorOn(admin.id),
    listAdminSessions(await headers()),
    // ?required=<slug>: named only to its members, and only while it does require it
    typeof required === 'string' ? findOrgAccess(admin.id, required) : null,
  ])
  const content = (
    <div className="flex max-w-4xl flex-col gap-6">
      <header>
        <p className="text-sm font-medium text-slate-500">Account</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">Security</h1>
        <p className="mt-2 max-w-prose text-sm text-slate-600">How you sign in to Mailgate as {admin.email}, and where you are signed in.</p>
      </header>
      {requiredBy?.twoFactor.isRequired && <TwoFactorRequiredNotice org={requiredBy.org} isOn={isOn} />}
      <SecuritySection id="change-password" title="Change password" description="Changing your password signs you out everywhere else.">
        <ChangePasswordForm key={String(passwordChanged)} wasChanged={passwordChanged !== undefined} />
      </SecuritySection>
      <SecuritySection
        id="two-factor"
        title="Two-factor authentication"
        description="Ask for a code from an authenticator app, such as 1Password, Google Authenticator or Authy, after your password."
      >
        <TwoFactorSection isOn={isOn} />
      </SecuritySection>
      <SecuritySection id="sessions" title="Sessions" description="The browsers signed in to your account.">
        <SessionsList sessions={sessions} now={new Date()} />
      </SecuritySection>
    </div>
  )
  // the console's frame around the admin's first organization (the sidebar needs one); every admin has one from sign-up
  const first = orgs[0]
  if (!first) return <main className="mx-auto min-h-screen max-w-4xl px-4 py-8">{content}</main>
  return (
    <ConsoleShell org={first} admin={admin} role={first.role} orgs={orgs}>
      {content}
    </ConsoleShell>
  )
}
