import { redirect } from 'next/navigation'
import { getCurrentAdmin } from '@/lib/auth/server/session'
import { findFirstOrgSlug } from '@/lib/orgs/server/store'

export default async function HomePage() {
  const admin = await getCurrentAdmin()
  const slug = admin ? await findFirstOrgSlug(admin.id) : null
  redirect(slug ? `/orgs/${slug}` : admin ? '/signup' : '/login')
}
