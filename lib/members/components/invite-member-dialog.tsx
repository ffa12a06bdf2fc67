'use client'

import { useState } from 'react'
import { useRouter } from 'next/navigation'
import { zodResolver } from '@hookform/resolvers/zod'
import { Dialog } from '@/components/ui/dialog'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/alert'
import { TextField } from '@/components/ui/text-field'
import { SelectField } from '@/components/ui/select-field'
import { useActionForm } from '@/components/forms/use-action-form'
import { inviteMemberAction } from '@/lib/members/actions'
import { capturedTexts } from '@/lib/delivery/captured-texts'
import { INVITABLE_ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS } from '@/lib/members/roles'
import { ZInvite, type TInvite } from '@/lib/members/schema'

const ROLE_OPTIONS = INVITABLE_ROLES.map((role) => ({ value: role, label: `${ROLE_LABELS[role]}: ${ROLE_DESCRIPTIONS[role]}` }))
const EMPTY: TInvite = { email: '', role: 'admin' }

/** Invite member: Email and Role; Send invitation emails a link that works once within 7 days. */
export function InviteMemberDialog({ slug, isCaptured }: { slug: string; isCaptured: boolean }) {
  const router = useRouter()
  const [isOpen, setIsOpen] = useState(false)
  const [sentTo, setSentTo] = useState<string>()
  const { form, errors, isSubmitting, isHydrated, message, setMessage, onSubmit } = useActionForm({
    resolver: zodResolver(ZInvite),
    defaultValues: EMPTY,
    fields: ['email', 'role'],
    action: (values) => inviteMemberAction(slug, values),
    onResult: (result, values) => {
      if (!result.ok) return false
      setSentTo(values.email)
      setIsOpen(false)
      form.reset(EMPTY)
      router.refresh()
      return true
    },
  })

  const onOpenChange = (next: boolean) => {
    setIsOpen(next)
    if (next) setSentTo(undefined)
    else {
      form.reset(EMPTY)
      setMessage(undefined)
    }
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <Dialog
        isOpen={isOpen}
        onOpenChange={onOpenChange}
        isLocked={isSubmitting}
        title="Invite member"
        description="We email them a link to join this organization. It works once and expires in 7 days."
        trigger={
          <Button type="button" disabled={!isHydrated}>
            Invite member
          </Button>
        }
      >
        <form className="flex flex-col gap-4" noValidate onSubmit={onSubmit}>
          {message && <Alert tone="error">{message}</Alert>}
          <TextField
            label="Email"
            type="email"
            autoComplete="off"
            placeholder="colleague@example.com"
            error={errors.email?.message}
            {...form.register('email')}
          />
          <SelectField label="Role" options={ROLE_OPTIONS} error={errors.role?.message} {...form.register('role')} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" disabled={isSubmitting} onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" isPending={isSubmitting}>
              Send invitation
            </Button>
          </div>
        </form>
      </Dialog>
      {sentTo && <Alert tone="success">{isCaptured ? capturedTexts.invitation(sentTo) : `Invitation sent to ${sentTo}`}</Alert>}
    </div>
  )
}
