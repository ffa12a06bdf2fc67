import { headers } from 'next/headers'
import { InvalidAdminVerifyLink } from '@/lib/auth/components/invalid-admin-verify-link'
import { VerifyAdminEmail } from '@/lib/auth/components/verify-admin-email'
import { isAdminVerifyLinkUsable } from '@/lib/auth/server/email-verification'
import { ZLinkToken } from '@/lib/org-users/schema'

// The URL carries a single-use token: keep it out of search engines and Referer headers.
export const metadata = { title: 'Verify your email', robots: { index: false, follow: false }, referrer: 'no-referrer' }

type TPageProps = { searchParams: Promise<{ token?: string | string[] }> }

// The link is checked, never consumed, here: mail scanners and link previews open it too. The button's POST verifies.
export default async function VerifyEmailPage({ searchParams }: TPageProps) {
  await headers() // first: keeps the page dynamic, so `next build` never opens the database
  const parsed = ZLinkToken.safeParse((await searchParams).token)
  if (!parsed.success || !(await isAdminVerifyLinkUsable(parsed.data))) return <InvalidAdminVerifyLink />
  return <VerifyAdminEmail token={parsed.data} />
}
