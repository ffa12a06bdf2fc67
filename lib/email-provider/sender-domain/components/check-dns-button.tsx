'use client'

import { useState, useTransition } from 'react'
import { useRouter } from 'next/navigation'
import { Button } from '@/components/ui/button'
import { checkSenderDomainAction } from '@/lib/email-provider/sender-domain/actions'

/** Check DNS: looks the records up again now (after the admin changed them at their DNS host). */
export function CheckDnsButton({ slug }: { slug: string }) {
  const [isPending, startTransition] = useTransition()
  const [message, setMessage] = useState<string>()
  const router = useRouter()
  const check = () =>
    startTransition(async () => {
      const result = await checkSenderDomainAction(slug)
      setMessage(result.ok ? undefined : result.message)
      router.refresh()
    })
  return (
    <div className="flex flex-col items-end gap-1">
      <Button type="button" variant="secondary" onClick={check} isPending={isPending}>
        Check DNS
      </Button>
      {message && (
        <p role="alert" className="text-xs text-red-700">
          {message}
        </p>
      )}
    </div>
  )
}
