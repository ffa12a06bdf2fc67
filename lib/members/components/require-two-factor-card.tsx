'use client'

import { useOptimistic, useState, useTransition } from 'react'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { setRequireTwoFactorAction } from '@/lib/members/actions'
import { routes } from '@/lib/routes'

type TRequireTwoFactorCardProps = {
  slug: string
  orgName: string
  isRequired: boolean
  /** owners change it; everyone else sees it read-only */
  canChange: boolean
  /** whether the admin looking has two-factor on (an owner needs it to turn the setting on) */
  isOwnTwoFactorOn: boolean
}

/** Members › Two-factor authentication: Require two-factor authentication (owners), saved as it is ticked. */
export function RequireTwoFactorCard({ slug, orgName, isRequired, canChange, isOwnTwoFactorOn }: TRequireTwoFactorCardProps) {
  const router = useRouter()
  const [error, setError] = useState<string>()
  const [isPending, startTransition] = useTransition()
  // ticked at once while it saves; back as it was if the server refuses
  const [shownRequired, showRequired] = useOptimistic(isRequired)
  const save = (next: boolean) =>
    startTransition(async () => {
      showRequired(next)
      const result = await setRequireTwoFactorAction(slug, { isRequired: next })
      setError(result.ok ? undefined : (result.fieldErrors?.isRequired ?? result.message))
      router.refresh()
    })
  const effect = `Members without two-factor authentication are taken to set it up before any page of ${orgName}. Management API keys are not affected.`
  return (
    <section aria-labelledby="two-factor-policy" className="rounded-xl border border-slate-200 bg-white shadow-xs">
      <h2 id="two-factor-policy" className="border-b border-slate-200 px-6 py-4 text-base font-semibold text-slate-900">
        Two-factor authentication
      </h2>
      <div className="flex flex-col gap-2 px-6 py-5 text-sm">
        {canChange ? (
          <>
            <label className="flex items-start gap-2 text-slate-800">
              <input
                type="checkbox"
                className="mt-0.5 size-4 shrink-0 rounded border-slate-300"
                checked={shownRequired}
                disabled={isPending}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'require-two-factor-hint require-two-factor-error' : 'require-two-factor-hint'}
                onChange={(event) => save(event.target.checked)}
              />
              <span className="font-medium">Require two-factor authentication</span>
            </label>
            <p id="require-two-factor-hint" className="pl-6 text-slate-600">
              {effect}
              {!isOwnTwoFactorOn && !isRequired && (
                <>
                  {' '}
                  To turn it on, first turn on two-factor for your own account under{' '}
                  <Link href={routes.accountSecurity} className="rounded font-semibold text-brand-700 hover:text-brand-800">
                    Account › Security
                  </Link>
                  .
                </>
              )}
            </p>
            {error && (
              <p id="require-two-factor-error" role="alert" className="pl-6 font-medium text-red-700">
                {error}
              </p>
            )}
          </>
        ) : (
          <p className="text-slate-700">
            <span className="font-medium text-slate-900">{isRequired ? 'Required.' : 'Not required.'}</span>{' '}
            {isRequired ? effect : 'Members sign in with their password alone, or with two-factor if they turned it on.'} Only owners can change this.
          </p>
        )}
      </div>
    </section>
  )
}
