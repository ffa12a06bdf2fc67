'use client'

import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { revertEmailProviderAction } from '@/lib/email-provider/actions'
import type { TSecretField } from '@/lib/email-provider/fields'
import { useStepUp } from '@/lib/auth/components/step-up/step-up-provider'
import { SAVED_SECRET_WORDS } from './saved-secret-words'

type TRevertDialogProps = { slug: string; version: number; hostLabel: string; savedSecret: TSecretField | null }

/** Danger Zone confirmation: says what Revert deletes; Confirm stays disabled until the box is ticked. */
export function RevertDialog({ slug, version, hostLabel, savedSecret }: TRevertDialogProps) {
  const withStepUp = useStepUp()
  return (
    <ConfirmDialog
      triggerLabel="Revert"
      triggerName="Revert"
      triggerVariant="danger"
      triggerSize="full"
      title="Revert to the default provider?"
      description={
        <>
          <p>
            Your organization’s emails will go back to being sent by the platform’s default provider. The custom settings for{' '}
            <span className="font-medium text-slate-900">{hostLabel}</span>
            {savedSecret ? `, including ${SAVED_SECRET_WORDS[savedSecret]},` : ''} will be deleted.
          </p>
          <p className="mt-2">This cannot be undone: to use your own server again you will have to enter its settings again.</p>
        </>
      }
      acknowledgement="I understand that the custom email provider settings will be deleted."
      confirmLabel="Confirm"
      isDanger
      run={(isAcknowledged) => withStepUp(() => revertEmailProviderAction(slug, { confirmed: isAcknowledged, version }))}
    />
  )
}
