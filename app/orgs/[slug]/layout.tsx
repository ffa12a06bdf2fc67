import { requireOrgAccess } from '@/lib/auth/server/session'
import { ConsoleShell } from '@/components/console/console-shell'
import { VerifyEmailBanner } from '@/lib/auth/components/verify-email-banner'
import { listOrgsOf } from '@/lib/members/server/store'

type TOrgLayoutProps = { children: React.ReactNode; params: Promise<{ slug: string }> }

export default async function OrgLayout({ children, params }: TOrgLayoutProps) {
  const { admin, org, role } = await requireOrgAccess((await params).slug)
  const orgs = await listOrgsOf(admin.id)
  const notice = admin.emailVerified ? null : <VerifyEmailBanner email={admin.email} slug={org.slug} />
  return (
    <ConsoleShell org={org} admin={admin} role={role} orgs={orgs} notice={notice}>
      {children}
    </ConsoleShell>
  )
}
