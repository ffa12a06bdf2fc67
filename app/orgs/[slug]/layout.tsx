import { requireOrgAccess } from '@/lib/auth/server/session'
import { ConsoleShell } from '@/components/console/console-shell'
import { VerifyEmailBanner } from '@/lib/auth/components/verify-email-banner'
import { StepUpProvider } from '@/lib/auth/components/step-up/step-up-provider'
import { listOrgsOf } from '@/lib/members/server/store'
import { findCapturedVerification } from '@/lib/auth/server/email-verification'
import { isPlatformMailCaptured } from '@/lib/delivery/server/platform-mail'
import { routes } from '@/lib/routes'

type TOrgLayoutProps = { children: React.ReactNode; params: Promise<{ slug: string }> }

export default async function OrgLayout({ children, params }: TOrgLayoutProps) {
  const { admin, org, role } = await requireOrgAccess((await params).slug)
  const orgs = await listOrgsOf(admin.id)
  // with no default provider the email was captured, not sent: owners and admins can open it in the console
  const isCaptured = isPlatformMailCaptured()
  const capturedId = !admin.emailVerified && isCaptured && role !== 'viewer' ? await findCapturedVerification(org.id, admin.email) : null
  const notice = admin.emailVerified ? null : (
    <VerifyEmailBanner
      email={admin.email}
      slug={org.slug}
      isCaptured={isCaptured}
      capturedHref={capturedId ? routes.capturedEmail(org.slug, capturedId) : undefined}
    />
  )
  return (
    <ConsoleShell org={org} admin={admin} role={role} orgs={orgs} notice={notice}>
      <StepUpProvider>{children}</StepUpProvider>
    </ConsoleShell>
  )
}
