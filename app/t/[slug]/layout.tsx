import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { findPublicOrg } from '@/lib/org-users/server/store'

type TOrgPublicLayoutProps = { children: React.ReactNode; params: Promise<{ slug: string }> }

// The organization's public pages: titled with its name, kept out of search engines, and (since their URLs carry
// single-use tokens) never sending a Referer to anything they link to or load.
export async function generateMetadata({ params }: TOrgPublicLayoutProps): Promise<Metadata> {
  await headers() // first: keeps these pages dynamic, so `next build` never opens the database
  const org = await findPublicOrg((await params).slug)
  return {
    title: org ? { template: `%s · ${org.displayName}`, default: org.displayName } : undefined,
    robots: { index: false, follow: false },
    referrer: 'no-referrer',
  }
}

export default function OrgPublicLayout({ children }: TOrgPublicLayoutProps) {
  return children
}
