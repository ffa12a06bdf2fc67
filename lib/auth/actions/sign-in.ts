'use server'

import { redirect } from 'next/navigation'
import { ZLogin } from '@/lib/auth/schema'
import { guardedSignIn } from '@/lib/auth/server/guarded-sign-in'
import { safeNextPath } from '@/lib/auth/safe-next'
import { invalidInput, type TActionFailure } from '@/lib/forms/action-result'
import { routes } from '@/lib/routes'

export async function signInAction(input: unknown, next: unknown): Promise<TActionFailure> {
  const parsed = ZLogin.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const result = await guardedSignIn(parsed.data)
  if (!result.ok) return result
  redirect(safeNextPath(next) ?? (result.slug ? routes.org(result.slug) : routes.home))
}
