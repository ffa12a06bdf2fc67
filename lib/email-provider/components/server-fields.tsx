'use client'

import { useWatch, type UseFormReturn } from 'react-hook-form'
import { SelectField } from '@/components/ui/select-field'
import { TextField } from '@/components/ui/text-field'
import { presetValues, sendingMethodValues } from '@/lib/email-provider/form-values'
import { EMAIL_PROVIDER_LABELS as LABELS, SECURITY_LABELS, SENDING_METHOD_LABELS } from '@/lib/email-provider/labels'
import { PROVIDER_PRESETS, presetById, type TProviderPresetId } from '@/lib/email-provider/presets'
import { CONNECTION_SECURITIES, type TEmailProviderFormValues } from '@/lib/email-provider/schema'
import { PresetHelp } from './preset-help'
import { SecretField } from './secret-field'

const PRESET_OPTIONS = PROVIDER_PRESETS.map((preset) => ({ value: preset.id, label: preset.label }))
const METHOD_OPTIONS = (['api', 'smtp'] as const).map((method) => ({ value: method, label: SENDING_METHOD_LABELS[method] }))

const SECURITY_HINTS = {
  auto: 'TLS from the first byte on 465, STARTTLS elsewhere; a port that speaks TLS from the first byte (like 2465) is detected.',
  starttls: 'The connection is upgraded with STARTTLS; sending stops if the server does not offer it.',
  tls: 'TLS from the first byte (usually port 465).',
  none: 'Warning: emails travel unencrypted. Only for a relay inside your own network that accepts mail without signing in.',
} as const

/**
 * Provider, Sending method (for a service with an HTTP API) and then its API key, or Server Host, Server Port and
 * Connection security; choosing a provider fills in its documented values.
 */
export function ServerFields({ form, isApiKeySaved }: { form: UseFormReturn<TEmailProviderFormValues>; isApiKeySaved: boolean }) {
  const { errors } = form.formState
  const [presetId, security, authKind, sendingMethod] = useWatch({ control: form.control, name: ['preset', 'security', 'authKind', 'sendingMethod'] })
  const preset = presetById(presetId) ?? PROVIDER_PRESETS[0]!
  const isApi = Boolean(preset.api) && sendingMethod === 'api'
  const chooseMethod = (method: 'api' | 'smtp') => {
    for (const [field, value] of Object.entries(sendingMethodValues(presetId, method))) {
      form.setValue(field as keyof TEmailProviderFormValues, value as never, { shouldDirty: true })
    }
    form.clearErrors()
  }
  // None is there from the start, but only without sign-in can it be chosen: credentials never travel unencrypted
  const isNoneBlocked = authKind !== 'none' && security !== 'none'
  const securityOptions = CONNECTION_SECURITIES.map((mode) =>
    mode === 'none' && isNoneBlocked
      ? { value: mode, label: `${SECURITY_LABELS.none}: only with ${LABELS.authKind} None`, disabled: true }
      : { value: mode, label: SECURITY_LABELS[mode] },
  )
  const choosePreset = (id: TProviderPresetId) => {
    for (const [field, value] of Object.entries(presetValues(id))) {
      form.setValue(field as keyof TEmailProviderFormValues, value as never, { shouldDirty: true })
    }
    form.clearErrors()
  }
  return (
    <>
      <SelectField
        className="sm:col-span-6"
        label={LABELS.preset}
        options={PRESET_OPTIONS}
        error={errors.preset?.message}
        hint="Fills in the service's documented server, port, security and sign-in. Every field stays editable."
        {...form.register('preset', { onChange: (event) => choosePreset(event.target.value as TProviderPresetId) })}
      />
      {preset.api && (
        <SelectField
          className="sm:col-span-6"
          label={LABELS.sendingMethod}
          options={METHOD_OPTIONS}
          error={errors.sendingMethod?.message}
          hint={`API: ${preset.label}'s HTTPS API (works where outbound SMTP ports are blocked). SMTP: its SMTP server.`}
          {...form.register('sendingMethod', { onChange: (event) => chooseMethod(event.target.value as 'api' | 'smtp') })}
        />
      )}
      <PresetHelp preset={preset} isApi={isApi} />
      {isApi ? (
        <div className="sm:col-span-6">
          <SecretField
            label={LABELS.apiKey}
            registration={form.register('apiKey')}
            error={errors.apiKey?.message}
            isSaved={isApiKeySaved}
            hint={preset.api?.keyHelp}
          />
        </div>
      ) : (
        <SmtpServerFields form={form} securityOptions={securityOptions} security={security} />
      )}
    </>
  )
}

type TSmtpServerFieldsProps = {
  form: UseFormReturn<TEmailProviderFormValues>
  securityOptions: { value: string; label: string }[]
  security: TEmailProviderFormValues['security']
}

function SmtpServerFields({ form, securityOptions, security }: TSmtpServerFieldsProps) {
  const { errors } = form.formState
  return (
    <>
      <TextField
        className="sm:col-span-4"
        label={LABELS.host}
        placeholder="smtp.example.com"
        autoComplete="off"
        spellCheck={false}
        error={errors.host?.message}
        {...form.register('host')}
      />
      <TextField
        className="sm:col-span-2"
        label={LABELS.port}
        inputMode="numeric"
        placeholder="587"
        autoComplete="off"
        error={errors.port?.message}
        hint="587 (STARTTLS) or 465 (TLS)"
        {...form.register('port')}
      />
      <SelectField
        className="sm:col-span-6"
        label={LABELS.security}
        options={securityOptions}
        error={errors.security?.message}
        hint={SECURITY_HINTS[security]}
        {...form.register('security')}
      />
    </>
  )
}
