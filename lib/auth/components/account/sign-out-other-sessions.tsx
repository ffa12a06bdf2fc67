'use client'

import { useState, useTransition } from 'react'
import { useRouter } from 'next/navigation'
import { signOutOtherSessionsAction } from '@/lib/auth/actions/account-security'
import { SUBMIT_FAILED } from '@/components/forms/use-action-form'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/alert'

/** Sign out other sessions: every session but this one ends; the list is read again. */
export function SignOutOtherSessions({ hasOthers }: { hasOthers: boolean }) {
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string }>()
  const [isPending, startTransition] = useTransition()
  const router = useRouter()
  const signOutOthers = () =>
    startTransition(async () => {
      setMessage(undefined)
      try {
        const result = await signOutOtherSessionsAction()
        setMessage(result.ok ? { tone: 'success', text: 'Your other sessions were signed out.' } : { tone: 'error', text: result.message ?? SUBMIT_FAILED })
        router.refresh()
      } catch {
        setMessage({ tone: 'error', text: SUBMIT_FAILED })
      }
    })
  return (
    <div className="flex flex-col items-start gap-3 border-t border-slate-100 pt-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Button type="button" variant="secondary" onClick={signOutOthers} isPending={isPending} disabled={!hasOthers}>
        Sign out other sessions
      </Button>
      {!hasOthers && <p className="text-xs text-slate-600">You are signed in on this device only.</p>}
    </div>
  )
}
