'use client'

import { deleteOrganizationAction } from '@/lib/members/actions'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'

/** Delete organization (owners only): the consequence in plain words, confirmed in a dialog. */
export function DeleteOrganization({ slug, orgName }: { slug: string; orgName: string }) {
  return (
    <section aria-labelledby="delete-organization" className="rounded-xl border border-red-200 bg-white shadow-xs">
      <h2 id="delete-organization" className="border-b border-red-200 px-6 py-4 text-base font-semibold text-red-800">
        Danger Zone
      </h2>
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-5">
        <div className="min-w-0 text-sm">
          <p className="font-medium text-slate-900">Delete this organization</p>
          <p className="text-slate-600">Its members, email provider settings and secrets, users, queued emails and audit trail are deleted for good.</p>
        </div>
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
      </div>
    </section>
  )
}
