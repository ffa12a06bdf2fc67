'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import { resendVerificationAction } from '@/lib/auth/actions/resend-verification'
import { Button } from '@/components/ui/button'
import { DEFAULT_DAILY_LIMIT_TEXT } from '@/lib/auth/messages'
import { capturedTexts } from '@/lib/delivery/captured-texts'

type TResendState = Awaited<ReturnType<typeof resendVerificationAction>> | null

type TVerifyEmailBannerProps = {
  email: string
  slug: string
  /** The platform has no mail service: the link was captured, not sent. */
  isCaptured: boolean
  /** Where the admin opens the captured email (owners and admins, once the worker has captured it). */
  capturedHref?: string
}

/** On top of every console page until the admin confirms their address, with **Resend email**. */
export function VerifyEmailBanner({ email, slug, isCaptured, capturedHref }: TVerifyEmailBannerProps) {
  const [result, formAction, isPending] = useActionState<TResendState>(() => resendVerificationAction(slug), null)
  const answer = result ? (result.ok ? result.message : (result.message ?? 'We could not send the email. Please try again in a moment.')) : null
  return (
    <section aria-label="Confirm your email address" className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="min-w-0">
          <p className="font-semibold">Confirm your email address</p>
          {isCaptured ? (
            <p className="mt-0.5 break-words">
              {capturedTexts.verificationLink(email)}
              {capturedHref && (
                <>
                  {' '}
                  <Link href={capturedHref} className="rounded font-semibold underline hover:text-amber-800">
                    Open the captured email
                  </Link>
                  .
                </>
              )}
            </p>
          ) : (
            <p className="mt-0.5 break-words">
              We sent a link to <strong className="font-semibold">{email}</strong>. {DEFAULT_DAILY_LIMIT_TEXT}
            </p>
          )}
        </div>
        <form action={formAction} className="shrink-0">
          <Button type="submit" variant="secondary" isPending={isPending}>
            Resend email
          </Button>
        </form>
      </div>
      {answer && (
        <p role="status" className="mt-2 font-medium">
          {answer}
        </p>
      )}
    </section>
  )
}
