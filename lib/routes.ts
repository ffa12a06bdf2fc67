// Every URL built in more than one place. Client-safe: pages, components, actions and emails all use it.

const segment = (value: string) => encodeURIComponent(value)

/** The organization's users' own pages (sign-up, verification, recovery, reset, sign-in, their account). */
export type TOrgUserPage = 'signup' | 'verify' | 'recover' | 'reset' | 'login' | 'account'

export const routes = {
  home: '/',
  login: '/login',
  signup: '/signup',
  /** Where every sign-up lands, for a new address or a registered one alike (no account enumeration). */
  signupSent: '/signup/check-email',
  /** The page a console admin's verification email links to (the token is its only key). */
  verifyEmail: (token: string) => `/verify-email?token=${segment(token)}`,
  forgotPassword: '/forgot-password',
  /** The page a console admin's password-reset email links to (the token is its only key). */
  resetPassword: (token: string) => `/reset-password?token=${segment(token)}`,
  /** Sign-in that returns to `next` (a same-origin path) afterwards. */
  loginThen: (next: string) => `/login?next=${encodeURIComponent(next)}`,
  /** Sign-in's second step (two-factor on): the code from the authenticator app or a recovery code, then `next`. */
  loginCode: (next?: string) => `/login?step=code${next ? `&next=${encodeURIComponent(next)}` : ''}`,
  accountSecurity: '/account/security',
  /** Account › Security for a member sent there by an organization that requires two-factor authentication. */
  accountSecurityRequiredBy: (slug: string) => `/account/security?required=${segment(slug)}`,
  org: (slug: string) => `/orgs/${segment(slug)}`,
  emailProvider: (slug: string) => `/orgs/${segment(slug)}/settings/email-provider`,
  apiKeys: (slug: string) => `/orgs/${segment(slug)}/settings/api-keys`,
  /** The Management API (called with an API key, never from the console's pages). */
  api: { emailProvider: '/api/v1/email-provider', testEmail: '/api/v1/email-provider/test', deliveries: '/api/v1/deliveries', openApi: '/api/v1/openapi.json' },
  capturedEmail: (slug: string, id: string) => `/orgs/${segment(slug)}/settings/email-provider/captured/${segment(id)}`,
  members: (slug: string) => `/orgs/${segment(slug)}/settings/members`,
  /** The page an invitation email links to (the token is the invitation's only key). */
  invitation: (token: string) => `/invite/${segment(token)}`,
  orgUserPage: (slug: string, page: TOrgUserPage) => `/t/${segment(slug)}/${page}`,
  /** An org user's sign-in that returns to `next` (a path under /t/<slug>/) afterwards. */
  orgUserLoginThen: (slug: string, next: string) => `/t/${segment(slug)}/login?next=${encodeURIComponent(next)}`,
} as const
