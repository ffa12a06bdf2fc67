'use client'

import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { revokeApiKeyAction } from '@/lib/api-keys/actions'

/** Revoke confirmation: says that callers using the key stop working at once. */
export function RevokeApiKeyDialog({ slug, id, name }: { slug: string; id: string; name: string }) {
  return (
    <ConfirmDialog
      triggerLabel="Revoke"
      triggerName={`Revoke ${name}`}
      triggerVariant="secondary"
      title={`Revoke the API key ${name}?`}
      description="Every request with this key is refused from now on (401). This cannot be undone: create a new key to give access again."
      confirmLabel="Revoke"
      isDanger
      run={() => revokeApiKeyAction(slug, { id })}
    />
  )
}
