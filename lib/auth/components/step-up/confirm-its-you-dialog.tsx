'use client'

import type { RefObject } from 'react'
import { zodResolver } from '@hookform/resolvers/zod'
import type { Resolver } from 'react-hook-form'
import { confirmItsYouAction } from '@/lib/auth/actions/step-up'
import { ZStepUp, ZStepUpWithCode, type TStepUp } from '@/lib/auth/account-schema'
import { useActionForm } from '@/components/forms/use-action-form'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { DialogActions } from '@/components/ui/dialog-actions'
import { OpenDialog } from '@/components/ui/dialog'
import { TextField } from '@/components/ui/text-field'

type TConfirmItsYouDialogProps = {
  /** two-factor is on: the app's code is asked as well */
  isCodeRequired: boolean
  returnFocusTo: RefObject<HTMLElement | null>
  onConfirmed: () => void
  onCancel: () => void
}

/** Confirm it's you: the password (and the code) before a change that needs a recent sign-in; the change follows. */
export function ConfirmItsYouDialog({ isCodeRequired, returnFocusTo, onConfirmed, onCancel }: TConfirmItsYouDialogProps) {
  const { form, errors, isSubmitting, isHydrated, message, onSubmit } = useActionForm<TStepUp, Awaited<ReturnType<typeof confirmItsYouAction>>>({
    resolver: zodResolver(isCodeRequired ? ZStepUpWithCode : ZStepUp) as unknown as Resolver<TStepUp>,
    defaultValues: { password: '', code: '' },
    fields: isCodeRequired ? ['password', 'code'] : ['password'],
    action: (values) => confirmItsYouAction(isCodeRequired ? values : { password: values.password }),
    onResult: (result) => {
      if (!result.ok) return false
      onConfirmed()
      return true
    },
  })
  return (
    <OpenDialog
      onOpenChange={(isOpen) => !isOpen && onCancel()}
      isLocked={isSubmitting}
      returnFocusTo={returnFocusTo}
      title="Confirm it’s you"
      description={
        <p>
          This change needs a recent sign-in. Enter your password{isCodeRequired ? ' and the code from your authenticator app' : ''} to continue; your change is
          then made as you entered it.
        </p>
      }
    >
      <form method="post" onSubmit={onSubmit} noValidate aria-label="Confirm it’s you" className="flex flex-col gap-4">
        {message && <Alert tone="error">{message}</Alert>}
        <TextField label="Password" type="password" autoComplete="current-password" autoFocus error={errors.password?.message} {...form.register('password')} />
        {isCodeRequired && (
          <TextField
            label="Code"
            autoComplete="one-time-code"
            maxLength={24}
            hint="The 6-digit code your authenticator app shows for Mailgate, or one of your recovery codes (it is then used up)."
            error={errors.code?.message}
            {...form.register('code')}
          />
        )}
        <DialogActions>
          <Button type="button" variant="secondary" disabled={isSubmitting} onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={!isHydrated} isPending={isSubmitting}>
            Confirm
          </Button>
        </DialogActions>
      </form>
    </OpenDialog>
  )
}
