import Link from 'next/link'
import {
  MICROSOFT_PASSWORD_ANNOUNCEMENT_URL,
  microsoftDeadlineWords,
  switchToOAuthHref,
  type TMicrosoftPasswordDeadline,
} from '@/lib/email-provider/microsoft-password-deadline'

type TMicrosoftDeadlineNoticeProps = {
  slug: string
  deadline: TMicrosoftPasswordDeadline
  /** Owners and admins get Switch to OAuth 2.0; viewers are told who can. */
  canEdit: boolean
}

/** Home's and the Email Provider page's warning: Microsoft 365 stops taking the provider's password on a date. */
export function MicrosoftDeadlineNotice({ slug, deadline, canEdit }: TMicrosoftDeadlineNoticeProps) {
  const words = microsoftDeadlineWords(deadline)
  return (
    <section
      aria-labelledby="microsoft-deadline-title"
      className={`rounded-xl border px-5 py-4 shadow-xs ${deadline.isPast ? 'border-red-200 bg-red-50 text-red-900' : 'border-amber-200 bg-amber-50 text-amber-950'}`}
    >
      <h2 id="microsoft-deadline-title" className="text-sm font-semibold">
        {words.title}
      </h2>
      <p className="mt-1 max-w-prose text-sm">{words.text}</p>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        {canEdit ? (
          <Link
            href={switchToOAuthHref(slug)}
            className="inline-flex h-9 items-center rounded-md bg-slate-900 px-3.5 text-sm font-semibold text-white shadow-sm hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900"
          >
            Switch to OAuth 2.0
          </Link>
        ) : (
          <p className="text-sm font-medium">An owner or admin of the organization can switch to OAuth 2.0.</p>
        )}
        <a href={MICROSOFT_PASSWORD_ANNOUNCEMENT_URL} target="_blank" rel="noreferrer" className="text-sm font-medium underline underline-offset-2">
          Microsoft’s announcement
        </a>
      </div>
    </section>
  )
}
