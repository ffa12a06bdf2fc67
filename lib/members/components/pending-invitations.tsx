import { formatDateTime } from '@/components/ui/format'
import { ROLE_LABELS, type TRole } from '@/lib/members/roles'
import { InvitationActions } from './invitation-actions'

type TInvitation = { id: string; email: string; role: TRole; expiresAt: Date; invitedByEmail: string }

/** Invitations not yet accepted, with Resend and Revoke. */
export function PendingInvitations({ slug, invitations, isCaptured }: { slug: string; invitations: TInvitation[]; isCaptured: boolean }) {
  return (
    <section aria-labelledby="pending-invitations" className="rounded-xl border border-slate-200 bg-white shadow-xs">
      <h2 id="pending-invitations" className="border-b border-slate-200 px-6 py-4 text-base font-semibold text-slate-900">
        Pending invitations
      </h2>
      {invitations.length === 0 ? (
        <p className="px-6 py-5 text-sm text-slate-500">No pending invitations.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-6 py-3 text-sm">
              <div className="min-w-0">
                <p className="font-medium text-slate-800">
                  {invitation.email} · {ROLE_LABELS[invitation.role]}
                </p>
                <p className="text-xs text-slate-500">
                  Invited by {invitation.invitedByEmail} · expires {formatDateTime(invitation.expiresAt)}
                </p>
              </div>
              <InvitationActions slug={slug} invitation={invitation} isCaptured={isCaptured} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
