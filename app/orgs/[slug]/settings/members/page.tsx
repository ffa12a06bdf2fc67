import { requireOrgAccess } from '@/lib/auth/server/session'
import { listRecentAudit } from '@/lib/audit/server/store'
import { MEMBER_AUDIT_ACTIONS } from '@/lib/audit/groups'
import { RecentChanges } from '@/lib/audit/components/recent-changes'
import { can } from '@/lib/members/roles'
import { listMembers, listPendingInvitations } from '@/lib/members/server/store'
import { InviteMemberDialog } from '@/lib/members/components/invite-member-dialog'
import { MembersTable } from '@/lib/members/components/members-table'
import { PendingInvitations } from '@/lib/members/components/pending-invitations'
import { DeleteOrganization } from '@/lib/members/components/delete-organization'
import { isPlatformMailCaptured } from '@/lib/delivery/server/platform-mail'
import { RequireTwoFactorCard } from '@/lib/members/components/require-two-factor-card'

export const metadata = { title: 'Members' }

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { org, admin, role, twoFactor } = await requireOrgAccess((await params).slug)
  const canInvite = can(role, 'invite')
  const isCaptured = isPlatformMailCaptured()
  const [members, invitations, audit] = await Promise.all([
    listMembers(org.id),
    canInvite ? listPendingInvitations(org.id) : [],
    listRecentAudit(org.id, 10, MEMBER_AUDIT_ACTIONS),
  ])
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-slate-500">Organizational Settings</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">Members</h1>
          <p className="mt-2 max-w-prose text-sm text-slate-600">
            Owners manage members and ownership; Admins change the email provider and invite Admins and Viewers; Viewers see the settings read-only.
          </p>
        </div>
        {canInvite && <InviteMemberDialog slug={org.slug} isCaptured={isCaptured} />}
      </header>
      <MembersTable slug={org.slug} orgName={org.name} members={members} currentUserId={admin.id} canManage={can(role, 'manage-members')} />
      {canInvite && <PendingInvitations slug={org.slug} invitations={invitations} isCaptured={isCaptured} />}
      <RequireTwoFactorCard
        slug={org.slug}
        orgName={org.name}
        isRequired={twoFactor.isRequired}
        canChange={can(role, 'require-two-factor')}
        isOwnTwoFactorOn={twoFactor.isOn}
      />
      <RecentChanges entries={audit} now={new Date()} />
      {can(role, 'delete-organization') && <DeleteOrganization slug={org.slug} orgName={org.name} />}
    </div>
  )
}
