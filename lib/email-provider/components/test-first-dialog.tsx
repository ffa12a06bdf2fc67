'use client'

import type { RefObject } from 'react'
import { OpenDialog } from '@/components/ui/dialog'
import { DialogActions } from '@/components/ui/dialog-actions'
import { Button } from '@/components/ui/button'

/** What the admin chose: send a test email first, save anyway, or go back to the form (Cancel, Esc). */
export type TTestFirstChoice = 'test' | 'update' | 'cancel'

type TTestFirstDialogProps = {
  /** where the untested settings would send mail, e.g. "smtp.example.com:587" */
  targetLabel: string
  returnFocusTo: RefObject<HTMLElement | null>
  onChoice: (choice: TTestFirstChoice) => void
}

/** Asked by Update when the target changed and no test email succeeded with it on this page; saving stays possible. */
export function TestFirstDialog({ targetLabel, returnFocusTo, onChoice }: TTestFirstDialogProps) {
  return (
    <OpenDialog
      onOpenChange={(isOpen) => !isOpen && onChoice('cancel')}
      returnFocusTo={returnFocusTo}
      title="Send a test email first?"
      description={
        <>
          <p>
            Once you update, your users’ verification and password recovery emails go to{' '}
            <span className="inline-block max-w-full font-medium break-all text-slate-900">{targetLabel}</span>. These settings have not been tested yet.
          </p>
          <p className="mt-2">A test email checks that the server accepts them, without saving anything.</p>
        </>
      }
    >
      {/* on a phone the choices stack, the one advised on top */}
      <DialogActions className="flex-col-reverse sm:flex-row">
        <Button type="button" variant="secondary" onClick={() => onChoice('cancel')} className="sm:mr-auto">
          Cancel
        </Button>
        <Button type="button" variant="secondary" onClick={() => onChoice('update')}>
          Update anyway
        </Button>
        <Button type="button" autoFocus onClick={() => onChoice('test')}>
          Send test email
        </Button>
      </DialogActions>
    </OpenDialog>
  )
}
