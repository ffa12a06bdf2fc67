// Microsoft 365's end of password sign-in for SMTP (basic authentication for Client Submission), as it applies to a
// saved provider or the form's values. Pure and client-safe: Home, the Email Provider page, the form and the owners'
// notices all read it. https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835
import { routes } from '@/lib/routes'
import type { TProviderPresetId } from './presets'
import type { TAuthKind } from './schema'

/** The day Microsoft turns password sign-in off by default for existing tenants (end of December 2026). */
export const MICROSOFT_PASSWORD_SIGN_IN_ENDS = '2026-12-31'

/** The Exchange Team's announcement of the timeline (27 January 2026). */
export const MICROSOFT_PASSWORD_ANNOUNCEMENT_URL =
  'https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835'

/** Exchange Online's Client Submission (SMTP AUTH) endpoints. */
export const MICROSOFT_SUBMISSION_HOSTS = ['smtp.office365.com', 'smtp-legacy.office365.com']

/** The owners' second notice goes out this many days before the date. */
export const MICROSOFT_PASSWORD_LAST_NOTICE_DAYS = 7

const DAY_MS = 24 * 60 * 60 * 1000

type TSignInOf = { preset: TProviderPresetId; host: string; authKind: TAuthKind }

/** Where Microsoft's deadline stands for a provider that signs in to Microsoft 365 with a password. */
export type TMicrosoftPasswordDeadline = {
  /** YYYY-MM-DD */
  date: string
  /** Whole days from today (UTC) to the date; 0 on the day, negative after it. */
  daysLeft: number
  isPast: boolean
}

/** True when the provider sends through Microsoft 365 (the preset or its SMTP host) and signs in with a password. */
export function signsInToMicrosoftWithPassword(settings: TSignInOf): boolean {
  if (settings.authKind !== 'password') return false
  return settings.preset === 'microsoft365' || MICROSOFT_SUBMISSION_HOSTS.includes(settings.host.trim().toLowerCase().replace(/\.$/, ''))
}

/** The deadline as it applies to these settings today, or null when they do not sign in to Microsoft with a password. */
export function microsoftPasswordDeadline(settings: TSignInOf | null, now: Date = new Date()): TMicrosoftPasswordDeadline | null {
  if (!settings || !signsInToMicrosoftWithPassword(settings)) return null
  const daysLeft = Math.round((Date.parse(`${MICROSOFT_PASSWORD_SIGN_IN_ENDS}T00:00:00Z`) - startOfUtcDay(now)) / DAY_MS)
  return { date: MICROSOFT_PASSWORD_SIGN_IN_ENDS, daysLeft, isPast: daysLeft < 0 }
}

/** "31 December 2026" */
export function formatDeadlineDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`))
}

/** What the warning says, before and after the date: one source for the page, Home and the owners' email. */
export function microsoftDeadlineWords(deadline: TMicrosoftPasswordDeadline): { title: string; text: string } {
  const date = formatDeadlineDate(deadline.date)
  if (deadline.isPast) {
    return {
      title: `Microsoft turned off password sign-in for SMTP on ${date}`,
      text:
        'Your Microsoft 365 provider signs in with a password. A Microsoft 365 admin can still turn password sign-in (SMTP AUTH basic authentication) ' +
        'back on for a while, but Microsoft will announce its final removal in the second half of 2027. Switch to OAuth 2.0 so your users’ emails keep going out.',
    }
  }
  const when = deadline.daysLeft === 0 ? 'today' : deadline.daysLeft === 1 ? 'in 1 day' : `in ${deadline.daysLeft} days`
  return {
    title: `Microsoft turns off password sign-in for SMTP on ${date}: ${when}`,
    text:
      'Your Microsoft 365 provider signs in with a password. From that date Microsoft 365 refuses it by default, and your users’ sign-up and ' +
      'recovery emails stop. Switch to OAuth 2.0: the server, port and mailbox stay as they are.',
  }
}

/** Opens the Email Provider form switched to Microsoft 365 with OAuth 2.0 (server, port and mailbox kept). */
export function switchToOAuthHref(slug: string): string {
  return `${routes.emailProvider(slug)}?switch=oauth#sign-in`
}

function startOfUtcDay(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
}
