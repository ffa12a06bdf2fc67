'use client'

import { useState, useTransition } from 'react'
import { useRouter } from 'next/navigation'
import { Dialog } from '@/components/ui/dialog'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/alert'
import { TextField } from '@/components/ui/text-field'
import { SelectField } from '@/components/ui/select-field'
import { CopyButton } from '@/components/ui/copy-button'
import { createApiKeyAction } from '@/lib/api-keys/actions'
import { API_KEY_ACCESS_LABELS } from '@/lib/api-keys/labels'
import { API_KEY_ACCESS, ZCreateApiKeyForm, type TApiKeyAccess } from '@/lib/api-keys/schema'
import { toFieldErrors, type TFieldErrors } from '@/lib/forms/action-result'
import { useStepUp } from '@/lib/auth/components/step-up/step-up-provider'

const ACCESS_OPTIONS = API_KEY_ACCESS.map((value) => ({ value, label: API_KEY_ACCESS_LABELS[value] }))

/** Create API key: name and access, then the key once, in a read-only field with a copy button. */
export function CreateApiKeyDialog({ slug }: { slug: string }) {
  const router = useRouter()
  const withStepUp = useStepUp()
  const [isOpen, setIsOpen] = useState(false)
  const [name, setName] = useState('')
  const [access, setAccess] = useState<TApiKeyAccess>('read_only')
  const [errors, setErrors] = useState<TFieldErrors>({})
  const [message, setMessage] = useState<string>()
  const [createdKey, setCreatedKey] = useState<string>()
  const [isPending, startTransition] = useTransition()

  // closing forgets the key: it is never shown again
  const onOpenChange = (next: boolean) => {
    setIsOpen(next)
    if (next) return
    if (createdKey) router.refresh()
    setName('')
    setAccess('read_only')
    setErrors({})
    setMessage(undefined)
    setCreatedKey(undefined)
  }

  const create = () =>
    startTransition(async () => {
      setMessage(undefined)
      const checked = ZCreateApiKeyForm.safeParse({ name, access })
      if (!checked.success) {
        setErrors(toFieldErrors(checked.error.issues))
        return
      }
      setErrors({})
      const result = await withStepUp(() => createApiKeyAction(slug, checked.data))
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {})
        setMessage(result.fieldErrors ? undefined : result.message)
        return
      }
      setCreatedKey(result.key)
    })

  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isLocked={isPending}
      title={createdKey ? 'API key created' : 'Create API key'}
      description={
        createdKey
          ? 'Copy the key now and keep it somewhere safe: it is shown only once. Anyone with it can call the Management API for this organization.'
          : 'The key acts for this organization through the Management API. Its changes appear in Recent changes under its name.'
      }
      trigger={<Button>Create API key</Button>}
    >
      {createdKey ? (
        <div className="flex flex-col gap-4">
          <div className="flex items-end gap-2">
            <TextField label="API key" value={createdKey} readOnly className="min-w-0 flex-1 font-mono" onFocus={(event) => event.currentTarget.select()} />
            <CopyButton value={createdKey} label="Copy the API key" />
          </div>
          <div className="flex justify-end">
            <Button onClick={() => onOpenChange(false)}>Done</Button>
          </div>
        </div>
      ) : (
        <form
          className="flex flex-col gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            create()
          }}
        >
          {message && <Alert tone="error">{message}</Alert>}
          <TextField label="Name" value={name} error={errors.name} hint="e.g. terraform, ci" maxLength={60} onChange={(event) => setName(event.target.value)} />
          <SelectField
            label="Access"
            value={access}
            error={errors.access}
            options={ACCESS_OPTIONS}
            hint="Read only keys may only read (GET)."
            onChange={(event) => setAccess(event.target.value as TApiKeyAccess)}
          />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" disabled={isPending} onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" isPending={isPending}>
              Create
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  )
}
