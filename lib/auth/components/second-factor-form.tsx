'use client'

import { useState } from 'react'
import { zodResolver } from '@hookform/resolvers/zod'
import { ZRecoveryCode, ZTotpCode } from '@/lib/auth/account-schema'
import { verifySecondFactorAction } from '@/lib/auth/actions/sign-in'
import { useActionForm } from '@/components/forms/use-action-form'
import { TextField } from '@/components/ui/text-field'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/alert'

type TKind = 'totp' | 'recovery'

/** Sign-in's second step: the authenticator app's code, or a recovery code instead; then `next` (checked on the server). */
export function SecondFactorForm({ next }: { next?: string }) {
  const [kind, setKind] = useState<TKind>('totp')
  return (
    <div className="flex flex-col gap-4">
      <CodeForm key={kind} kind={kind} next={next} />
      <button
        type="button"
        onClick={() => setKind(kind === 'totp' ? 'recovery' : 'totp')}
        className="self-start rounded text-sm font-medium text-brand-700 hover:text-brand-800"
      >
        {kind === 'totp' ? 'Use a recovery code' : 'Use your authenticator app'}
      </button>
    </div>
  )
}

function CodeForm({ kind, next }: { kind: TKind; next?: string }) {
  const { form, errors, isSubmitting, isHydrated, message, onSubmit } = useActionForm({
    resolver: zodResolver(kind === 'totp' ? ZTotpCode : ZRecoveryCode),
    defaultValues: { code: '' },
    fields: ['code'],
    action: (values) => verifySecondFactorAction(kind, values, next),
  })
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {message && <Alert tone="error">{message}</Alert>}
      {kind === 'totp' ? (
        <TextField
          label="Code"
          inputMode="numeric"
          autoComplete="one-time-code"
          hint="The 6-digit code your authenticator app shows for Mailgate."
          error={errors.code?.message}
          {...form.register('code')}
        />
      ) : (
        <TextField
          label="Recovery code"
          autoComplete="off"
          spellCheck={false}
          hint="One of the codes you stored when you turned two-factor on. Each works once."
          error={errors.code?.message}
          {...form.register('code')}
        />
      )}
      <Button type="submit" disabled={!isHydrated} isPending={isSubmitting} className="mt-2 w-full">
        Verify
      </Button>
    </form>
  )
}
