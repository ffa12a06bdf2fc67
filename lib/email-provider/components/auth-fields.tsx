'use client'

import { useWatch, type UseFormReturn } from 'react-hook-form'
import { SelectField } from '@/components/ui/select-field'
import { TextAreaField } from '@/components/ui/text-area-field'
import { TextField } from '@/components/ui/text-field'
import { isSecretExpiring } from '@/lib/email-provider/form-values'
import { AUTH_KIND_LABELS, EMAIL_PROVIDER_LABELS as LABELS } from '@/lib/email-provider/labels'
import { isMicrosoftTenantId, MICROSOFT_SMTP_SCOPE, microsoftTokenUrl } from '@/lib/email-provider/presets'
import type { TAuthKind, TEmailProviderFormValues } from '@/lib/email-provider/schema'
import { formatDeadlineDate, MICROSOFT_PASSWORD_SIGN_IN_ENDS, signsInToMicrosoftWithPassword } from '@/lib/email-provider/microsoft-password-deadline'
import { Button } from '@/components/ui/button'
import { SecretField } from './secret-field'
import { switchFormToMicrosoftOAuth } from './switch-to-oauth'

const AUTH_OPTIONS = (Object.keys(AUTH_KIND_LABELS) as TAuthKind[]).map((kind) => ({ value: kind, label: AUTH_KIND_LABELS[kind] }))

const USERNAME_HINTS: Record<Exclude<TAuthKind, 'none'>, string | undefined> = {
  password: undefined,
  oauth_client_credentials: 'The mailbox to send as (the app must be granted access to it).',
  google_service_account: 'The Workspace user to send as (the service account acts for this user).',
}

type TAuthFieldsProps = {
  form: UseFormReturn<TEmailProviderFormValues>
  /** The authentication kind whose secret is saved, or null: a saved secret only counts for the same kind. */
  savedSecretKind: TAuthKind | null
  serviceAccountEmail: string | null
}

/** Authentication and the fields of the chosen kind: Password, OAuth 2.0 client credentials, Google service account, None. */
export function AuthFields({ form, savedSecretKind, serviceAccountEmail }: TAuthFieldsProps) {
  const { errors } = form.formState
  const [authKind, preset, host, expiresAt] = useWatch({ control: form.control, name: ['authKind', 'preset', 'host', 'clientSecretExpiresAt'] })
  const isSaved = savedSecretKind === authKind
  const errorOf = (field: keyof TEmailProviderFormValues) => (errors as Partial<Record<string, { message?: string }>>)[field]?.message
  const fillFromTenant = (tenant: string) => {
    if (!isMicrosoftTenantId(tenant)) return
    form.setValue('tokenUrl', microsoftTokenUrl(tenant), { shouldDirty: true })
    form.setValue('scope', MICROSOFT_SMTP_SCOPE, { shouldDirty: true })
  }
  return (
    <>
      <SelectField
        className="sm:col-span-6"
        label={LABELS.authKind}
        options={AUTH_OPTIONS}
        error={errorOf('authKind')}
        {...form.register('authKind', {
          onChange: (event) => {
            if (event.target.value !== 'none' && form.getValues('security') === 'none') form.setValue('security', 'auto', { shouldDirty: true })
          },
        })}
      />
      {signsInToMicrosoftWithPassword({ authKind, preset, host }) && (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-200 bg-amber-50 px-3.5 py-2.5 text-sm text-amber-950 sm:col-span-6">
          <p className="max-w-prose">
            Microsoft 365 stops taking passwords for SMTP by default on {formatDeadlineDate(MICROSOFT_PASSWORD_SIGN_IN_ENDS)} (and answers{' '}
            <code className="text-[13px]">5.7.30</code> or <code className="text-[13px]">5.7.139</code>). Sign in with OAuth 2.0 instead.
          </p>
          <Button type="button" variant="secondary" onClick={() => switchFormToMicrosoftOAuth(form)}>
            Switch to OAuth 2.0
          </Button>
        </div>
      )}
      {authKind === 'none' && (
        <p className="text-sm text-slate-600 sm:col-span-6">Emails are handed over without signing in (for relays that accept your server by its address).</p>
      )}
      {authKind !== 'none' && (
        <TextField
          className="sm:col-span-3"
          label={LABELS.username}
          autoComplete="off"
          spellCheck={false}
          error={errorOf('username')}
          hint={USERNAME_HINTS[authKind]}
          {...form.register('username')}
        />
      )}
      {authKind === 'password' && (
        <div className="sm:col-span-3">
          <SecretField label={LABELS.password} registration={form.register('password')} error={errorOf('password')} isSaved={isSaved} />
        </div>
      )}
      {authKind === 'oauth_client_credentials' && (
        <>
          {preset === 'microsoft365' && (
            <TextField
              className="sm:col-span-3"
              label={LABELS.tenantId}
              autoComplete="off"
              spellCheck={false}
              placeholder="contoso.onmicrosoft.com"
              error={errorOf('tenantId')}
              hint="Directory (tenant) ID: fills in Token URL and Scope."
              {...form.register('tenantId', { onChange: (event) => fillFromTenant(event.target.value) })}
            />
          )}
          <TextField
            className="sm:col-span-6"
            label={LABELS.tokenUrl}
            type="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token"
            error={errorOf('tokenUrl')}
            {...form.register('tokenUrl')}
          />
          <TextField
            className="sm:col-span-3"
            label={LABELS.clientId}
            autoComplete="off"
            spellCheck={false}
            error={errorOf('clientId')}
            {...form.register('clientId')}
          />
          <div className="sm:col-span-3">
            <SecretField label={LABELS.clientSecret} registration={form.register('clientSecret')} error={errorOf('clientSecret')} isSaved={isSaved} />
          </div>
          <TextField
            className="sm:col-span-4"
            label={LABELS.scope}
            autoComplete="off"
            spellCheck={false}
            error={errorOf('scope')}
            {...form.register('scope')}
          />
          <TextField
            className="sm:col-span-2"
            label={LABELS.clientSecretExpiresAt}
            type="date"
            error={errorOf('clientSecretExpiresAt')}
            hint={
              expiresAt && isSecretExpiring(new Date(`${expiresAt}T00:00:00Z`)) ? (
                <span className="font-medium text-amber-800">Expires within 30 days: create a new secret and enter it here.</span>
              ) : (
                'Optional. We warn 30 days before.'
              )
            }
            {...form.register('clientSecretExpiresAt')}
          />
        </>
      )}
      {authKind === 'google_service_account' && (
        <TextAreaField
          className="sm:col-span-6"
          label={LABELS.serviceAccountKey}
          spellCheck={false}
          autoComplete="off"
          placeholder={
            isSaved ? `A key is saved${serviceAccountEmail ? ` (${serviceAccountEmail})` : ''}. Leave blank to keep it.` : '{ "type": "service_account", … }'
          }
          error={errorOf('serviceAccountKey')}
          hint={
            isSaved && serviceAccountEmail
              ? `Saved key of ${serviceAccountEmail}. Leave blank to keep it; paste a new key file to replace it.`
              : 'Paste the whole JSON key file of the service account (its client_email and token_uri are used).'
          }
          {...form.register('serviceAccountKey')}
        />
      )}
    </>
  )
}
