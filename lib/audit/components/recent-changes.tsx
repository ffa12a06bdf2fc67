import { formatDateTime } from '@/components/ui/format'
import { EMAIL_PROVIDER_LABELS } from '@/lib/email-provider/labels'
import type { AuditAction } from '@/lib/enums'
import { apiKeyActorLabel } from '@/lib/api-keys/labels'
import { ROLE_LABELS, type TRole } from '@/lib/members/roles'

type TAuditRow = { id: string; action: AuditAction; actorEmail: string; details: unknown; createdAt: Date }
type TChange = { field: string; from?: unknown; to?: unknown; note?: string }

const FIELD_LABELS: Record<string, string> = EMAIL_PROVIDER_LABELS

type TDetails = {
  changes?: TChange[]
  recipient?: string
  outcome?: string
  name?: string
  prefix?: string
  email?: string
  role?: string
  from?: string
  to?: string
  cause?: string
  waiting?: number
}

// One describer per action: a new AuditAction does not compile until it has its words here.
const DESCRIBE: Record<AuditAction, (details: TDetails) => string> = {
  email_provider_update: ({ changes = [] }) => {
    const hostChange = changes.find((change) => change.field === 'host')
    if (hostChange && !hostChange.from) return `Set up the custom provider ${String(hostChange.to)}`
    const parts = changes.map((change) =>
      change.note ? `${FIELD_LABELS[change.field] ?? change.field} ${change.note}` : (FIELD_LABELS[change.field] ?? change.field),
    )
    return parts.length > 0 ? `Updated ${parts.join(', ')}` : 'Updated the settings'
  },
  email_provider_revert: () => 'Reverted to the default provider',
  email_provider_test: ({ recipient, outcome }) => `Sent a test email to ${recipient ?? 'a recipient'}: ${outcome ?? 'unknown'}`,
  api_key_create: ({ name, prefix }) => `Created the API key ${name ?? ''} (${prefix ?? ''}…)`,
  api_key_revoke: ({ name, prefix }) => `Revoked the API key ${name ?? ''} (${prefix ?? ''}…)`,
  captured_email_view: ({ recipient }) => `Opened a captured email to ${recipient ?? 'a recipient'}`,
  member_invite: ({ email, role }) => `Invited ${email ?? 'someone'} as ${roleWord(role)}`,
  member_invite_resend: ({ email }) => `Resent the invitation to ${email ?? 'someone'}`,
  member_invite_revoke: ({ email }) => `Revoked the invitation to ${email ?? 'someone'}`,
  member_join: ({ role }) => `Joined as ${roleWord(role)}`,
  member_role_change: ({ email, from, to }) => `Changed the role of ${email ?? 'a member'} from ${roleWord(from)} to ${roleWord(to)}`,
  member_remove: ({ email }) => `Removed ${email ?? 'a member'}`,
  member_leave: () => 'Left the organization',
  member_transfer: ({ email }) => `Transferred ownership to ${email ?? 'a member'}`,
  delivery_failing: ({ cause, waiting }) =>
    `Email delivery started failing: ${cause ?? 'unknown cause'} (${waiting ?? 0} waiting); owners and admins were alerted`,
  delivery_recovered: () => 'Email delivery works again',
}

function roleWord(role: string | undefined): string {
  return role && role in ROLE_LABELS ? ROLE_LABELS[role as TRole] : 'a member'
}

function describe(entry: TAuditRow): string {
  return DESCRIBE[entry.action]((entry.details ?? {}) as TDetails)
}

/** The organization's last changes to its email provider (who, when, which fields; never a secret). */
export function RecentChanges({ entries }: { entries: TAuditRow[] }) {
  return (
    <section aria-labelledby="recent-changes" className="rounded-xl border border-slate-200 bg-white shadow-xs">
      <h2 id="recent-changes" className="border-b border-slate-200 px-6 py-4 text-base font-semibold text-slate-900">
        Recent changes
      </h2>
      {entries.length === 0 ? (
        <p className="px-6 py-5 text-sm text-slate-500">No changes yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <li key={entry.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-6 py-3 text-sm">
              <span className="text-slate-800">{describe(entry)}</span>
              <span className="text-slate-500">
                {apiKeyActorLabel(entry.actorEmail) ?? entry.actorEmail} · {formatDateTime(entry.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
