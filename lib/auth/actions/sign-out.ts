'use server'

import { redirect } from 'next/navigation'
import { signOutAdmin } from '@/lib/auth/server/admin-accounts'
import { routes } from '@/lib/routes'

export async function signOutAction(): Promise<void> {
  await signOutAdmin()
  redirect(routes.login)
}
