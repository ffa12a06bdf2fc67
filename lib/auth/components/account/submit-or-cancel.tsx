import { Button } from '@/components/ui/button'

type TSubmitOrCancelProps = {
  submitLabel: string
  variant?: 'primary' | 'danger'
  isHydrated: boolean
  isSubmitting: boolean
  onCancel: () => void
}

/** A Security step's buttons: send the form, or go back to where the section was. */
export function SubmitOrCancel({ submitLabel, variant, isHydrated, isSubmitting, onCancel }: TSubmitOrCancelProps) {
  return (
    <div className="flex gap-3">
      <Button type="submit" variant={variant} disabled={!isHydrated} isPending={isSubmitting}>
        {submitLabel}
      </Button>
      <Button type="button" variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  )
}
