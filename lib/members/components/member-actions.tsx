'use client'

import { useState, useTransition } from 'react'
import { useRouter } from 'next/navigation'
import { changeMemberRoleAction, removeMemberAction, transferOwnershipAction } from '@/lib/members/actions'
import { ROLE_LABELS, ROLES, type TRole } from '@/lib/members/roles'
import { controlClasses } from '@/components/ui/field'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { useStepUp } from '@/lib/auth/components/step-up/step-up-provider'

type TMemberActionsProps = { slug: string; member: { userId: string; email: string; role: TRole } }

/** An owner's controls on another member's row: Role (saved on change), Make owner, Remove. */
export function MemberActions({ slug, member }: TMemberActionsProps) {
  const router = useRouter()
  const withStepUp = useStepUp()
  const [error, setError] = useState<string>()
  const [isPending, startTransition] = useTransition()
  const changeRole = (role: TRole) =>
    startTransition(async () => {
      const result = await withStepUp(() => changeMemberRoleAction(slug, { userId: member.userId, role }))
      setError(result.ok ? undefined : result.message)
      router.refresh()
    })
  return (
    <div className="flex flex-wrap items-center justify-end gap-1">
      <select
        aria-label={`Role of ${member.email}`}
        value={member.role}
        disabled={isPending}
        onChange={(event) => changeRole(event.target.value as TRole)}
        className={controlClasses(undefined, 'h-8 pr-8')}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
      {member.role !== 'owner' && (
        <ConfirmDialog
          triggerLabel="Make owner"
          triggerName={`Make ${member.email} the owner`}
          title="Transfer ownership?"
          description={`${member.email} becomes an owner of the organization and you become an Admin: you will no longer manage members.`}
          confirmLabel="Transfer ownership"
          run={() => withStepUp(() => transferOwnershipAction(slug, { userId: member.userId }))}
        />
      )}
      <ConfirmDialog
        triggerLabel="Remove"
        triggerName={`Remove ${member.email}`}
        title="Remove this member?"
        description={`${member.email} loses access to this organization at once. Their account stays, with any other organizations.`}
        confirmLabel="Remove member"
        isDanger
        run={() => removeMemberAction(slug, { userId: member.userId })}
      />
      {error && (
        <p role="alert" className="basis-full text-right text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}
