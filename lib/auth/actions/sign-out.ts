'use server'

import { redirect } from 'next/navigation'
import { signOutAdmin } from '@/lib/auth/server/admin-accounts'

export async function signOutAction(): Promise<void> {
  await signOutAdmin()
  redirect('/login')
}
