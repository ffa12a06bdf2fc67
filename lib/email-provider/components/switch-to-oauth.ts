'use client'

import type { UseFormReturn } from 'react-hook-form'
import { microsoftOAuthValues } from '@/lib/email-provider/form-values'
import type { TEmailProviderFormValues } from '@/lib/email-provider/schema'

/** Switch to OAuth 2.0 in the form: Microsoft 365 client credentials, server and mailbox kept, focus on Tenant ID. */
export function switchFormToMicrosoftOAuth(form: UseFormReturn<TEmailProviderFormValues>) {
  for (const [field, value] of Object.entries(microsoftOAuthValues(form.getValues()))) {
    form.setValue(field as keyof TEmailProviderFormValues, value as never, { shouldDirty: true })
  }
  form.clearErrors(['authKind', 'password'])
  // Tenant ID appears with the next render
  setTimeout(() => form.setFocus('tenantId'), 0)
}
