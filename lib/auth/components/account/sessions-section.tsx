import { RelativeTime } from '@/components/ui/relative-time'
import type { TAdminSession } from '@/lib/auth/admin-session-view'
import { SignOutOtherSessions } from './sign-out-other-sessions'

/** The admin's sessions: device, network, last seen; this one marked, the others can be signed out at once. */
export function SessionsList({ sessions, now }: { sessions: TAdminSession[]; now: Date }) {
  return (
    <div className="flex flex-col gap-4">
      <ul aria-label="Sessions" className="-my-3 divide-y divide-slate-100">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3 text-sm">
            <div className="min-w-0">
              <p className="font-medium text-slate-800">
                {session.device}
                {session.isCurrent && <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">This device</span>}
              </p>
              <p className="text-xs text-slate-600">
                {session.network ?? 'Unknown network'} · last seen <RelativeTime date={session.lastSeenAt} now={now} />
              </p>
            </div>
          </li>
        ))}
      </ul>
      <SignOutOtherSessions hasOthers={sessions.some((session) => !session.isCurrent)} />
    </div>
  )
}
