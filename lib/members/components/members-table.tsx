import { formatDateTime } from '@/components/ui/format'
import { ROLE_LABELS, type TRole } from '@/lib/members/roles'
import { LeaveOrganization } from './leave-organization'
import { MemberActions } from './member-actions'

type TMember = { userId: string; email: string; role: TRole; joinedAt: Date }
type TMembersTableProps = { slug: string; orgName: string; members: TMember[]; currentUserId: string; canManage: boolean }

/** Who runs the organization: email, role, joined; owners change roles and remove members, anyone may leave. */
export function MembersTable({ slug, orgName, members, currentUserId, canManage }: TMembersTableProps) {
  return (
    <section aria-labelledby="members" className="rounded-xl border border-slate-200 bg-white shadow-xs">
      <h2 id="members" className="border-b border-slate-200 px-6 py-4 text-base font-semibold text-slate-900">
        Members
      </h2>
      <div className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600" tabIndex={0} aria-labelledby="members">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-6 py-2 font-semibold">
                Email
              </th>
              <th scope="col" className="px-6 py-2 font-semibold">
                Role
              </th>
              <th scope="col" className="px-6 py-2 font-semibold">
                Joined
              </th>
              <th scope="col" className="px-6 py-2 text-right font-semibold">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((member) => {
              const isYou = member.userId === currentUserId
              return (
                <tr key={member.userId} className="align-middle">
                  <td className="px-6 py-3 text-slate-800">
                    {member.email}
                    {isYou && <span className="ml-2 text-xs text-slate-500">(you)</span>}
                  </td>
                  <td className="px-6 py-3 text-slate-800">{ROLE_LABELS[member.role]}</td>
                  <td className="px-6 py-3 whitespace-nowrap text-slate-500">{formatDateTime(member.joinedAt)}</td>
                  <td className="px-6 py-2">
                    {isYou ? (
                      <div className="flex justify-end">
                        <LeaveOrganization slug={slug} orgName={orgName} />
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
      </div>
    </section>
  )
}
