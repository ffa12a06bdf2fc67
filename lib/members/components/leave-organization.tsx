'use client'

import { leaveOrganizationAction } from '@/lib/members/actions'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'

/** Leave: the member's own way out (the last owner is told to transfer ownership first). */
export function LeaveOrganization({ slug, orgName }: { slug: string; orgName: string }) {
  return (
    <ConfirmDialog
      triggerLabel="Leave"
      triggerName={`Leave ${orgName}`}
      title={`Leave ${orgName}?`}
      description="You lose access to this organization at once. To come back, someone has to invite you again."
      confirmLabel="Leave organization"
      isDanger
      run={() => leaveOrganizationAction(slug)}
    />
  )
}
