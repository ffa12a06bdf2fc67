'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { ZTotpCode } from '@/lib/auth/account-schema'
import { confirmTwoFactorAction } from '@/lib/auth/actions/account-security'
import { useActionForm } from '@/components/forms/use-action-form'
import { TextField } from '@/components/ui/text-field'
import { SubmitOrCancel } from './submit-or-cancel'
import { Alert } from '@/components/ui/alert'

type TConfirmTotpFormProps = { qrCode: string; secret: string; onConfirmed: (recoveryCodes: string[]) => void; onCancel: () => void }

/** Turn on two-factor, second step: the app scans the QR code (or takes the secret typed in), its code confirms. */
export function ConfirmTotpForm({ qrCode, secret, onConfirmed, onCancel }: TConfirmTotpFormProps) {
  const { form, errors, isSubmitting, isHydrated, message, onSubmit } = useActionForm({
    resolver: zodResolver(ZTotpCode),
    defaultValues: { code: '' },
    fields: ['code'],
    action: confirmTwoFactorAction,
    onResult: (result) => {
      if (!result.ok) return false
      onConfirmed(result.recoveryCodes)
      return true
    },
  })
  return (
    <div className="flex flex-col gap-5">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
        <li>Scan the QR code with your authenticator app, or enter the setup key by hand.</li>
        <li>Enter the 6-digit code the app shows for Mailgate.</li>
      </ol>
      <div className="flex flex-wrap items-start gap-6">
        {/* a data URL made on the server: next/image adds nothing here */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={qrCode} alt="QR code to add Mailgate to your authenticator app" width={176} height={176} className="rounded-md border border-slate-200" />
        <div className="min-w-0 text-sm">
          <p className="font-medium text-slate-800">Setup key</p>
          <code
            data-testid="totp-secret"
            className="mt-1 block rounded-md bg-slate-50 px-2 py-1.5 font-mono text-sm break-all text-slate-800 ring-1 ring-slate-200"
          >
            {secret}
          </code>
        </div>
      </div>
      <form method="post" onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-4">
        {message && <Alert tone="error">{message}</Alert>}
        <TextField label="Code" inputMode="numeric" autoComplete="one-time-code" error={errors.code?.message} {...form.register('code')} />
        <SubmitOrCancel submitLabel="Confirm" isHydrated={isHydrated} isSubmitting={isSubmitting} onCancel={onCancel} />
      </form>
    </div>
  )
}
