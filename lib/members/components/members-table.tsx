import { cn } from '@/components/ui/cn'
import { formatDateTime } from '@/components/ui/format'
import { STACKED_BODY, STACKED_CELL, STACKED_HEAD, STACKED_ROW, STACKED_TABLE } from '@/components/ui/stacked-table'
import { ROLE_LABELS, type TRole } from '@/lib/members/roles'
import { LeaveOrganization } from './leave-organization'
import { MemberActions } from './member-actions'

type TMember = { userId: string; email: string; role: TRole; joinedAt: Date }
type TMembersTableProps = { slug: string; orgName: string; members: TMember[]; currentUserId: string; canManage: boolean }

/** Who runs the organization: email, role, joined; owners change roles and remove members, anyone may leave. */
export function MembersTable({ slug, orgName, members, currentUserId, canManage }: TMembersTableProps) {
  const ownerCount = members.filter((member) => member.role === 'owner').length
  return (
    <section aria-labelledby="members" className="rounded-xl border border-slate-200 bg-white shadow-xs">
      <h2 id="members" className="border-b border-slate-200 px-6 py-4 text-base font-semibold text-slate-900">
        Members
      </h2>
      <table className={STACKED_TABLE}>
        <thead className={STACKED_HEAD}>
          <tr>
            {['Email', 'Role', 'Joined'].map((heading) => (
              <th key={heading} scope="col" className="px-4 py-2 font-semibold">
                {heading}
              </th>
            ))}
            <th scope="col" className="px-4 py-2 text-right font-semibold">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className={STACKED_BODY}>
          {members.map((member) => {
            const isYou = member.userId === currentUserId
            return (
              <tr key={member.userId} className={cn(STACKED_ROW, 'align-middle')}>
                <td data-label="Email" className={cn(STACKED_CELL, 'text-slate-800')}>
                  <span className="min-w-0 break-words">
                    {member.email}
                    {isYou && <span className="ml-2 text-xs text-slate-500">(you)</span>}
                  </span>
                </td>
                <td data-label="Role" className={cn(STACKED_CELL, 'text-slate-800')}>
                  {ROLE_LABELS[member.role]}
                </td>
                <td data-label="Joined" className={cn(STACKED_CELL, 'whitespace-nowrap text-slate-500')}>
                  {formatDateTime(member.joinedAt)}
                </td>
                <td className={cn(STACKED_CELL, 'before:hidden md:py-2')}>
                  {isYou ? (
                    <div className="flex flex-1 justify-end">
                      {member.role === 'owner' && ownerCount === 1 ? <SoleOwnerLeave orgName={orgName} /> : <LeaveOrganization slug={slug} orgName={orgName} />}
                    </div>
                  ) : (
                    canManage && <MemberActions slug={slug} member={member} />
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}

// The last owner can never leave: the button says why instead of failing after a confirmation.
function SoleOwnerLeave({ orgName }: { orgName: string }) {
  return (
    <span className="flex flex-wrap items-center justify-end gap-2 text-right">
      <span id="sole-owner-leave" className="text-xs text-slate-500">
        You are the only owner: make another member owner first.
      </span>
      <button
        type="button"
        disabled
        aria-label={`Leave ${orgName}`}
        aria-describedby="sole-owner-leave"
        className="inline-flex h-8 cursor-not-allowed items-center rounded-md px-2.5 text-sm font-semibold text-slate-400"
      >
        Leave
      </button>
    </span>
  )
}
