import Link from 'next/link'
import { cn } from '@/components/ui/cn'
import { RelativeTime } from '@/components/ui/relative-time'
import { ShowMoreLink } from '@/components/ui/show-more-link'
import { AUTH_KIND_LABELS, EMAIL_PROVIDER_LABELS, SECURITY_LABELS } from '@/lib/email-provider/labels'
import { PROVIDER_PRESETS } from '@/lib/email-provider/presets'
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
  /** why the system changed a key: its creator's membership */
  reason?: string
  /** a reset of an account never verified took its membership away */
  leaves?: boolean
  /** Require two-factor authentication: on or off */
  isRequired?: boolean
}

// One describer per action: a new AuditAction does not compile until it has its words here.
const DESCRIBE: Record<AuditAction, (details: TDetails) => string> = {
  email_provider_update: ({ changes = [] }) => {
    const hostChange = changes.find((change) => change.field === 'host')
    if (hostChange && !hostChange.from) return `Set up the custom provider ${String(hostChange.to)}`
    const parts = changes.map((change) => {
      const label = FIELD_LABELS[change.field] ?? change.field
      if (change.note) return `${label} ${change.note}`
      return `${label} ${valueWord(change.field, change.from)} → ${valueWord(change.field, change.to)}`
    })
    return parts.length > 0 ? `Updated ${parts.join('; ')}` : 'Updated the settings'
  },
  email_provider_revert: () => 'Reverted to the default provider',
  email_provider_test: ({ recipient, outcome }) => `Sent a test email to ${recipient ?? 'a recipient'}: ${outcome ?? 'unknown'}`,
  api_key_create: ({ name, prefix }) => `Created the API key ${name ?? ''} (${prefix ?? ''}…)`,
  api_key_revoke: ({ name, prefix, reason }) => `Revoked the API key ${name ?? ''} (${prefix ?? ''}…)${reason ? `: ${reason}` : ''}`,
  api_key_limit: ({ name, prefix, reason }) => `Limited the API key ${name ?? ''} (${prefix ?? ''}…) to read only${reason ? `: ${reason}` : ''}`,
  captured_email_view: ({ recipient }) => `Opened a captured email to ${recipient ?? 'a recipient'}`,
  member_invite: ({ email, role }) => `Invited ${email ?? 'someone'} as ${roleWord(role)}`,
  member_invite_resend: ({ email }) => `Resent the invitation to ${email ?? 'someone'}`,
  member_invite_revoke: ({ email }) => `Revoked the invitation to ${email ?? 'someone'}`,
  member_join: ({ role }) => `Joined as ${roleWord(role)}`,
  member_role_change: ({ email, from, to }) => `Changed the role of ${email ?? 'a member'} from ${roleWord(from)} to ${roleWord(to)}`,
  member_remove: ({ email }) => `Removed ${email ?? 'a member'}`,
  member_leave: () => 'Left the organization',
  member_transfer: ({ email }) => `Transferred ownership to ${email ?? 'a member'}`,
  admin_password_reset: ({ reason, leaves }) =>
    reason !== 'unverified-account'
      ? 'Reset their password by email; every session was signed out'
      : leaves
        ? 'Reset the password of an account never verified: its membership and API keys here were removed'
        : 'Reset the password of an account never verified: its API keys here were revoked',
  org_require_two_factor: ({ isRequired }) => (isRequired ? 'Turned on Require two-factor authentication' : 'Turned off Require two-factor authentication'),
  delivery_failing: ({ cause, waiting }) =>
    `Email delivery started failing: ${cause ?? 'unknown cause'} (${waiting ?? 0} waiting); owners and admins were alerted`,
  delivery_recovered: () => 'Email delivery works again',
  delivery_retry_now: ({ recipient }) => `Retried now the email to ${recipient ?? 'a recipient'}`,
}

// A setting's value as the form shows it (audit entries keep the stored value: enums, booleans, numbers, null).
const VALUE_LABELS: Record<string, Record<string, string>> = {
  security: SECURITY_LABELS,
  authKind: AUTH_KIND_LABELS,
  preset: Object.fromEntries(PROVIDER_PRESETS.map((preset) => [preset.id, preset.label])),
}

function valueWord(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)'
  if (typeof value === 'boolean') return value ? 'on' : 'off'
  const text = String(value)
  return VALUE_LABELS[field]?.[text] ?? text
}

function roleWord(role: string | undefined): string {
  return role && role in ROLE_LABELS ? ROLE_LABELS[role as TRole] : 'a member'
}

function describe(entry: TAuditRow): string {
  return DESCRIBE[entry.action]((entry.details ?? {}) as TDetails)
}

/** A filter link of Recent changes ("Changes" / "Changes and test emails"). */
export type TChangesFilter = { label: string; href: string; isCurrent: boolean }

type TProps = {
  entries: TAuditRow[]
  /** The time the page was rendered, for "3 min ago". */
  now: Date
  filters?: readonly TChangesFilter[]
  /** The "Show more" link's target, when there may be more. */
  moreHref?: string | null
}

/** The organization's last changes to its email provider (who, when, which fields; never a secret). */
export function RecentChanges({ entries, now, filters = [], moreHref = null }: TProps) {
  return (
    <section aria-labelledby="recent-changes" className="rounded-xl border border-slate-200 bg-white shadow-xs">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-200 px-6 py-4">
        <h2 id="recent-changes" className="text-base font-semibold text-slate-900">
          Recent changes
        </h2>
        {filters.length > 0 && (
          <nav aria-label="Recent changes filter" className="flex gap-1 text-sm">
            {filters.map((filter) => (
              <Link
                key={filter.href}
                href={filter.href}
                scroll={false}
                aria-current={filter.isCurrent ? 'page' : undefined}
                className={cn(
                  'rounded-md px-2.5 py-1 font-medium',
                  filter.isCurrent ? 'bg-slate-100 text-slate-900' : 'text-slate-600 hover:bg-slate-50 hover:text-slate-900',
                )}
              >
                {filter.label}
              </Link>
            ))}
          </nav>
        )}
      </div>
      {entries.length === 0 ? (
        <p className="px-6 py-5 text-sm text-slate-500">No changes yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <li key={entry.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-6 py-3 text-sm">
              <span className="min-w-0 break-words text-slate-800">{describe(entry)}</span>
              <span className="text-slate-500">
                {apiKeyActorLabel(entry.actorEmail) ?? entry.actorEmail} · <RelativeTime date={entry.createdAt} now={now} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {moreHref && <ShowMoreLink href={moreHref} label="changes" />}
    </section>
  )
}
