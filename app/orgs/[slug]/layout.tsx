import { requireOrgAccess } from '@/lib/auth/server/session'
import { ConsoleShell } from '@/components/console/console-shell'

type TOrgLayoutProps = { children: React.ReactNode; params: Promise<{ slug: string }> }

export default async function OrgLayout({ children, params }: TOrgLayoutProps) {
  const { admin, org, role } = await requireOrgAccess((await params).slug)
  return (
    <ConsoleShell org={org} admin={admin} role={role}>
      {children}
    </ConsoleShell>
  )
}
