import { requireOrgAccess } from '@/lib/auth/server/session'
import { ConsoleShell } from '@/components/console/console-shell'
import { listOrgsOf } from '@/lib/members/server/store'

type TOrgLayoutProps = { children: React.ReactNode; params: Promise<{ slug: string }> }

export default async function OrgLayout({ children, params }: TOrgLayoutProps) {
  const { admin, org, role } = await requireOrgAccess((await params).slug)
  const orgs = await listOrgsOf(admin.id)
  return (
    <ConsoleShell org={org} admin={admin} role={role} orgs={orgs}>
      {children}
    </ConsoleShell>
  )
}
