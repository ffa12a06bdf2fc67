'use client'

import { useState } from 'react'
import { useRouter } from 'next/navigation'
import { startTwoFactorAction, turnOffTwoFactorAction } from '@/lib/auth/actions/account-security'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/alert'
import { CopyButton } from '@/components/ui/copy-button'
import { PasswordConfirmForm } from './password-confirm-form'
import { ConfirmTotpForm } from './confirm-totp-form'

type TStep =
  | { name: 'idle' }
  | { name: 'password' }
  | { name: 'scan'; qrCode: string; secret: string }
  | { name: 'codes'; recoveryCodes: string[] }
  | { name: 'turn-off' }
  | { name: 'turned-off' }

// The recovery codes until Done: confirming sets a new session cookie, and the page's refresh that follows may mount
// this section anew; the codes must still be on screen then (kept in this tab's memory only).
let shownRecoveryCodes: string[] | null = null

/** Two-factor authentication with an authenticator app: turn on (password, scan, code, recovery codes) or off (password). */
export function TwoFactorSection({ isOn }: { isOn: boolean }) {
  const [step, setStep] = useState<TStep>(() => (shownRecoveryCodes ? { name: 'codes', recoveryCodes: shownRecoveryCodes } : { name: 'idle' }))
  const router = useRouter()
  const idle = () => {
    shownRecoveryCodes = null
    setStep({ name: 'idle' })
  }

  if (step.name === 'password')
    return (
      <PasswordConfirmForm
        submitLabel="Continue"
        action={startTwoFactorAction}
        onDone={({ qrCode, secret }) => setStep({ name: 'scan', qrCode, secret })}
        onCancel={idle}
      />
    )
  if (step.name === 'scan')
    return (
      <ConfirmTotpForm
        qrCode={step.qrCode}
        secret={step.secret}
        onConfirmed={(recoveryCodes) => {
          shownRecoveryCodes = recoveryCodes
          setStep({ name: 'codes', recoveryCodes })
        }}
        onCancel={idle}
      />
    )
  if (step.name === 'codes') return <RecoveryCodes codes={step.recoveryCodes} onDone={() => (idle(), router.refresh())} />
  if (step.name === 'turn-off')
    return (
      <PasswordConfirmForm
        submitLabel="Turn off two-factor"
        variant="danger"
        action={turnOffTwoFactorAction}
        onDone={() => (setStep({ name: 'turned-off' }), router.refresh())}
        onCancel={idle}
      />
    )
  return (
    <div className="flex flex-col items-start gap-4">
      {step.name === 'turned-off' && <Alert tone="success">Two-factor authentication is off.</Alert>}
      <p className="text-sm text-slate-700">
        {isOn ? (
          <>
            <span className="font-semibold text-emerald-700">On.</span> Signing in asks for a code from your authenticator app.
          </>
        ) : (
          <>
            <span className="font-semibold text-slate-900">Off.</span> Signing in asks for your password only.
          </>
        )}
      </p>
      {isOn ? (
        <Button type="button" variant="secondary" onClick={() => setStep({ name: 'turn-off' })}>
          Turn off two-factor
        </Button>
      ) : (
        <Button type="button" onClick={() => setStep({ name: 'password' })}>
          Turn on two-factor
        </Button>
      )}
    </div>
  )
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="flex flex-col items-start gap-4">
      <Alert tone="success">Two-factor authentication is on.</Alert>
      <div>
        <h3 className="text-sm font-semibold text-slate-900">Recovery codes</h3>
        <p className="mt-1 max-w-prose text-sm text-slate-600">
          Store these codes somewhere safe, such as a password manager. Each signs you in once if you lose your authenticator app. They are shown only now.
        </p>
      </div>
      <ul
        aria-label="Recovery codes"
        className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md bg-slate-50 px-4 py-3 font-mono text-sm text-slate-800 ring-1 ring-slate-200"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex gap-3">
        <CopyButton value={codes.join('\n')} label="Copy the recovery codes" />
        <Button type="button" variant="secondary" onClick={onDone} className="h-8 px-2.5 text-xs">
          I have stored them
        </Button>
      </div>
    </div>
  )
}
