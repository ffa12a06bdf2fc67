'use client'

import { useState, useTransition } from 'react'
import { useRouter } from 'next/navigation'
import { Button } from '@/components/ui/button'
import { resendInvitationAction, revokeInvitationAction } from '@/lib/members/actions'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { capturedTexts } from '@/lib/delivery/captured-texts'

/** Resend (a new link, the old one stops working) and Revoke on a pending invitation's row. */
type TInvitationActionsProps = { slug: string; invitation: { id: string; email: string }; isCaptured: boolean }

export function InvitationActions({ slug, invitation, isCaptured }: TInvitationActionsProps) {
  const router = useRouter()
  const [note, setNote] = useState<{ tone: 'ok' | 'error'; text: string }>()
  const [isPending, startTransition] = useTransition()
  const resend = () =>
    startTransition(async () => {
      const result = await resendInvitationAction(slug, { invitationId: invitation.id })
      setNote(
        result.ok ? { tone: 'ok', text: isCaptured ? capturedTexts.invitationAgain : 'Invitation sent again' } : { tone: 'error', text: result.message ?? '' },
      )
      router.refresh()
    })
  return (
    <div className="flex flex-wrap items-center justify-end gap-1">
      <Button
        type="button"
        variant="ghost"
        className="h-8 px-2.5"
        aria-label={`Resend the invitation to ${invitation.email}`}
        isPending={isPending}
        onClick={resend}
      >
        Resend
      </Button>
      <ConfirmDialog
        triggerLabel="Revoke"
        triggerName={`Revoke the invitation to ${invitation.email}`}
        title="Revoke this invitation?"
        description={`The link sent to ${invitation.email} stops working at once. You can invite them again later.`}
        confirmLabel="Revoke invitation"
        isDanger
        run={() => revokeInvitationAction(slug, { invitationId: invitation.id })}
      />
      {note && (
        <p
          role={note.tone === 'error' ? 'alert' : 'status'}
          className={note.tone === 'error' ? 'basis-full text-right text-xs text-red-700' : 'basis-full text-right text-xs text-emerald-700'}
        >
          {note.text}
        </p>
      )}
    </div>
  )
}
