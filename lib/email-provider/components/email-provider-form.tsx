'use client'

import { useEffect, useRef, useState } from 'react'
import { useRouter } from 'next/navigation'
import { useWatch, type Resolver } from 'react-hook-form'
import { EMAIL_PROVIDER_FIELDS, SENDER_MAX_LENGTHS } from '@/lib/email-provider/fields'
import type { TAuthKind, TEmailProviderFormValues } from '@/lib/email-provider/schema'
import { updateEmailProviderAction } from '@/lib/email-provider/actions'
import { applyActionFailure } from '@/components/forms/apply-action-failure'
import { useActionForm } from '@/components/forms/use-action-form'
import { lazyResolver } from '@/components/forms/lazy-resolver'
import { TextField } from '@/components/ui/text-field'
import { charactersLeftHint } from '@/components/ui/characters-left'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/alert'
import { EMAIL_PROVIDER_LABELS } from '@/lib/email-provider/labels'
import { presetById } from '@/lib/email-provider/presets'
import { useStepUp } from '@/lib/auth/components/step-up/step-up-provider'
import { AuthFields } from './auth-fields'
import { ServerFields } from './server-fields'
import { TestEmailDialog } from './test-email-dialog'
import { TestFirstDialog, type TTestFirstChoice } from './test-first-dialog'
import { isTestFirstAdvised, targetKeyOf, targetLabelOf } from '@/lib/email-provider/test-first'
import { switchFormToMicrosoftOAuth } from './switch-to-oauth'

// The same schema as the Server Action, loaded when the form is first validated rather than with the page. The form
// holds every kind's fields at once; the schema keeps the chosen kind's (a discriminated union on Authentication).
const resolver = lazyResolver<TEmailProviderFormValues>(async () => {
  const [{ zodResolver }, { ZEmailProviderForm }] = await Promise.all([import('@hookform/resolvers/zod'), import('@/lib/email-provider/schema')])
  return zodResolver(ZEmailProviderForm) as unknown as Resolver<TEmailProviderFormValues>
})

type TEmailProviderFormProps = {
  slug: string
  initialValues: TEmailProviderFormValues
  /** A custom provider is saved (else Update sets one up: a change of target). */
  isProviderSaved?: boolean
  /** The authentication kind whose secret is saved, or null. */
  savedSecretKind: TAuthKind | null
  /** An API key is saved (the provider sends over its service's HTTP API). */
  isApiKeySaved?: boolean
  serviceAccountEmail: string | null
  adminEmail: string
  /** Viewers see the settings with every field disabled and no Update or Send test email. */
  isReadOnly?: boolean
  /** Opened with Switch to OAuth 2.0 (?switch=oauth): the form starts switched, nothing saved until Update. */
  switchToOAuth?: boolean
}

/** The provider's settings, saved with Update; mistakes are shown at their fields and nothing is saved. */
export function EmailProviderForm({
  slug,
  initialValues,
  isProviderSaved = false,
  savedSecretKind,
  isApiKeySaved = false,
  serviceAccountEmail,
  adminEmail,
  isReadOnly = false,
  switchToOAuth = false,
}: TEmailProviderFormProps) {
  const router = useRouter()
  const withStepUp = useStepUp()
  const [isSaved, setIsSaved] = useState(false)
  // the last test email's failure and the values it was sent with: saving those same values warns instead of a bare success
  const [lastTest, setLastTest] = useState<{ failure: string | null; values: string }>()
  const [savedDespite, setSavedDespite] = useState<string | null>(null)
  const [isConflict, setIsConflict] = useState(false)
  // Update's "Send a test email first?": what is saved, the target of this visit's last successful test email, the question
  const saved = useRef(isProviderSaved ? initialValues : null)
  const testedKey = useRef<string | null>(null)
  const [askingTestFirst, setAskingTestFirst] = useState<{ label: string; answer: (choice: TTestFirstChoice) => void } | null>(null)
  const [isTestOpen, setIsTestOpen] = useState(false)
  const updateButton = useRef<HTMLButtonElement>(null)
  const returnFocusTo = useRef<HTMLElement | null>(null)
  const { form, isSubmitting, isHydrated, message, onSubmit } = useActionForm({
    resolver,
    defaultValues: initialValues,
    fields: EMAIL_PROVIDER_FIELDS,
    action: async (values) => {
      setIsSaved(false)
      if (isTestFirstAdvised(saved.current, values, testedKey.current)) {
        returnFocusTo.current = updateButton.current
        const choice = await new Promise<TTestFirstChoice>((answer) => setAskingTestFirst({ label: targetLabelOf(values), answer }))
        // the test dialog takes the focus itself; Cancel and Esc give it back to Update
        if (choice !== 'update') return undefined
      }
      // a change of target or of the fallback switch may ask Confirm it's you first, then is saved with these values
      return withStepUp(() => updateEmailProviderAction(slug, values))
    },
    onResult: (result, values) => {
      if (!result) return true // back to the form (or on to the test email): nothing sent, nothing to say
      setIsConflict(!result.ok && result.code === 'conflict')
      if (!result.ok) return false
      saved.current = { ...initialValues, ...values, password: '', clientSecret: '', serviceAccountKey: '', apiKey: '', version: result.version }
      form.reset({ ...initialValues, ...values, password: '', clientSecret: '', serviceAccountKey: '', apiKey: '', version: result.version })
      setSavedDespite(lastTest?.failure && lastTest.values === comparable(form.getValues()) ? lastTest.failure : null)
      setIsSaved(true)
      router.refresh()
      return true
    },
  })

  const [preset, sendingMethod] = useWatch({ control: form.control, name: ['preset', 'sendingMethod'] })
  const isApi = sendingMethod === 'api' && Boolean(presetById(preset)?.api)
  const displayName = useWatch({ control: form.control, name: 'displayName' })

  // A newer version from the server (e.g. after Revert) replaces what the form shows, unless the admin is
  // editing: then their values stay, and Update reports the conflict.
  useEffect(() => {
    saved.current = isProviderSaved ? initialValues : null
    if (form.getValues('version') !== initialValues.version && !form.formState.isDirty) form.reset(initialValues)
  }, [form, initialValues, isProviderSaved])

  const answerTestFirst = (choice: TTestFirstChoice) => {
    if (choice === 'test') returnFocusTo.current = null
    askingTestFirst?.answer(choice)
    setAskingTestFirst(null)
    if (choice === 'test') setIsTestOpen(true)
  }

  useEffect(() => {
    if (switchToOAuth && !isReadOnly && form.getValues('authKind') === 'password') switchFormToMicrosoftOAuth(form)
  }, [form, switchToOAuth, isReadOnly])

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Email provider settings" className="rounded-xl border border-slate-200 bg-white shadow-xs">
      <fieldset disabled={isReadOnly} className="grid min-w-0 gap-5 p-6 sm:grid-cols-6">
        <legend className="sr-only">Server</legend>
        <div className="sm:col-span-6">
          <h2 className="text-base font-semibold text-slate-900">{isApi ? 'Email service' : 'SMTP server'}</h2>
          <p className="text-sm text-slate-600">
            Where your organization’s emails are handed over for delivery.{isApi && ' Secrets are write-only: they are never shown again.'}
          </p>
        </div>
        <ServerFields form={form} isApiKeySaved={isApiKeySaved} />
      </fieldset>
      <fieldset
        id="sign-in"
        hidden={isApi}
        disabled={isReadOnly || isApi}
        className="grid min-w-0 scroll-mt-6 gap-5 border-t border-slate-200 p-6 sm:grid-cols-6"
      >
        <legend className="sr-only">Sign-in</legend>
        <div className="sm:col-span-6">
          <h2 className="text-base font-semibold text-slate-900">Sign-in</h2>
          <p className="text-sm text-slate-600">How the console signs in to your server. Secrets are write-only: they are never shown again.</p>
        </div>
        <AuthFields form={form} savedSecretKind={savedSecretKind} serviceAccountEmail={serviceAccountEmail} />
      </fieldset>
      <fieldset disabled={isReadOnly} className="grid min-w-0 gap-5 border-t border-slate-200 p-6 sm:grid-cols-6">
        <legend className="sr-only">Sender</legend>
        <div className="sm:col-span-6">
          <h2 className="text-base font-semibold text-slate-900">Sender</h2>
          <p className="text-sm text-slate-600">How your emails appear in your users’ inboxes.</p>
        </div>
        <TextField
          className="sm:col-span-3"
          label={EMAIL_PROVIDER_LABELS.fromAddress}
          type="email"
          placeholder="no-reply@example.com"
          maxLength={SENDER_MAX_LENGTHS.fromAddress}
          error={form.formState.errors.fromAddress?.message}
          {...form.register('fromAddress')}
        />
        <TextField
          className="sm:col-span-3"
          label={EMAIL_PROVIDER_LABELS.displayName}
          placeholder="Acme"
          maxLength={SENDER_MAX_LENGTHS.displayName}
          hint={charactersLeftHint(displayName, SENDER_MAX_LENGTHS.displayName)}
          error={form.formState.errors.displayName?.message}
          {...form.register('displayName')}
        />
        <TextField
          className="sm:col-span-3"
          label={EMAIL_PROVIDER_LABELS.replyTo}
          type="email"
          placeholder="support@example.com"
          maxLength={SENDER_MAX_LENGTHS.replyTo}
          error={form.formState.errors.replyTo?.message}
          hint="Optional. Where replies to your emails go."
          {...form.register('replyTo')}
        />
        {preset === 'custom' && (
          <TextField
            className="sm:col-span-3"
            label={EMAIL_PROVIDER_LABELS.dkimSelector}
            autoComplete="off"
            spellCheck={false}
            placeholder="s1"
            error={form.formState.errors.dkimSelector?.message}
            hint="Optional. The selector of the DKIM key your provider gave you, to check it under Sender domain."
            {...form.register('dkimSelector')}
          />
        )}
        <div className="sm:col-span-6">
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="mt-0.5 size-4 rounded border-slate-300"
              aria-describedby="fallback-hint"
              {...form.register('useDefaultOnFailure')}
            />
            <span className="font-medium">{EMAIL_PROVIDER_LABELS.useDefaultOnFailure}</span>
          </label>
          <p id="fallback-hint" className="mt-1 pl-6 text-sm text-slate-600">
            Off by default. When your server has been unable to send an email for a while (10 minutes by default: refused sign-in, unreachable or silent
            server), the platform’s mail service sends it instead, from its own address. Test emails always use your server.
          </p>
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-b-xl border-t border-slate-200 bg-slate-50 px-6 py-4">
        <div className="min-w-0 flex-1">
          {isSaved && !savedDespite && <Alert tone="success">Email provider updated</Alert>}
          {isSaved && savedDespite && (
            <Alert tone="warning">
              <p className="font-medium">Email provider updated, but these settings failed the last test email</p>
              <p className="mt-0.5">{savedDespite} Emails to your users will wait and retry until this is fixed.</p>
            </Alert>
          )}
          {message && (
            <Alert tone="error">
              {message}
              {isConflict && (
                <button type="button" onClick={() => window.location.reload()} className="ml-2 rounded font-semibold underline underline-offset-2">
                  Reload
                </button>
              )}
            </Alert>
          )}
        </div>
        {isReadOnly ? (
          <p className="text-sm text-slate-600">You have view-only access: an owner or admin of the organization can change these settings.</p>
        ) : (
          <div className="flex gap-2">
            <TestEmailDialog
              onOutcome={(outcome, settings) => {
                setLastTest({ failure: outcome.ok ? null : (outcome.message ?? null), values: comparable(settings) })
                testedKey.current = outcome.ok ? targetKeyOf(settings) : null
              }}
              isOpen={isTestOpen}
              onOpenChange={setIsTestOpen}
              slug={slug}
              defaultRecipient={adminEmail}
              isDisabled={!isHydrated}
              readSettings={async () => ((await form.trigger()) ? form.getValues() : null)}
              onFieldErrors={(fieldErrors) => applyActionFailure(form, { ok: false, fieldErrors }, EMAIL_PROVIDER_FIELDS)}
            />
            <Button ref={updateButton} type="submit" disabled={!isHydrated} isPending={isSubmitting}>
              Update
            </Button>
          </div>
        )}
        {askingTestFirst && <TestFirstDialog targetLabel={askingTestFirst.label} returnFocusTo={returnFocusTo} onChoice={answerTestFirst} />}
      </div>
    </form>
  )
}

// The values that decide where and how email goes, secrets left out (they are blank once saved).
function comparable(values: TEmailProviderFormValues): string {
  const secrets = new Set<string>(['password', 'clientSecret', 'serviceAccountKey', 'apiKey', 'version'])
  return JSON.stringify(Object.entries(values).filter(([field]) => !secrets.has(field)))
}
