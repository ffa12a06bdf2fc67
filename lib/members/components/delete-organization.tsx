'use client'

import { deleteOrganizationAction } from '@/lib/members/actions'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { DangerZoneCard } from '@/components/ui/danger-zone-card'

/** Delete organization (owners only): the consequence in plain words, confirmed in a dialog. */
export function DeleteOrganization({ slug, orgName }: { slug: string; orgName: string }) {
  return (
    <DangerZoneCard
      id="delete-organization"
      action="Delete this organization"
      consequence="Its members, email provider settings and secrets, users, queued emails and audit trail are deleted for good."
    >
      <ConfirmDialog
        triggerLabel="Delete organization"
        triggerName={`Delete organization ${orgName}`}
        triggerVariant="danger"
        title={`Delete ${orgName}?`}
        description="Everything in this organization is deleted at once and cannot be restored: its members lose access, its users can no longer sign up or reset their password, and queued emails are not sent."
        confirmLabel="Delete organization"
        isDanger
        run={() => deleteOrganizationAction(slug)}
      />
    </DangerZoneCard>
  )
}
