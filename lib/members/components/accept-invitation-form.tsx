'use client'

import { useState, useTransition } from 'react'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/alert'
import { acceptInvitationAction } from '@/lib/members/actions'

/** Accept invitation for a signed-in admin whose address the invitation names: joins and opens the organization. */
export function AcceptInvitationForm({ token }: { token: string }) {
  const [message, setMessage] = useState<string>()
  const [isPending, startTransition] = useTransition()
  const accept = () =>
    startTransition(async () => {
      const result = await acceptInvitationAction(token)
      if (result && !result.ok) setMessage(result.message)
    })
  return (
    <div className="flex flex-col gap-4">
      {message && <Alert tone="error">{message}</Alert>}
      <Button type="button" isPending={isPending} onClick={accept} className="w-full">
        Accept invitation
      </Button>
    </div>
  )
}
