import { redirect } from 'next/navigation'
import { getCurrentAdmin } from '@/lib/auth/server/session'
import { findFirstOrgSlug } from '@/lib/orgs/server/store'
import { routes } from '@/lib/routes'

export default async function HomePage() {
  const admin = await getCurrentAdmin()
  const slug = admin ? await findFirstOrgSlug(admin.id) : null
  redirect(slug ? routes.org(slug) : admin ? routes.signup : routes.login)
}
