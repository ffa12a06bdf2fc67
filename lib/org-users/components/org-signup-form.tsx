'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { ZOrgUserSignup, type TOrgUserSignup } from '@/lib/org-users/schema'
import { signUpOrgUserAction } from '@/lib/org-users/actions/sign-up'
import { useActionForm } from '@/components/forms/use-action-form'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/text-field'
import { SentConfirmation } from './sent-confirmation'
import { useSentState } from './use-sent-state'
import { NewPasswordField } from '@/components/forms/new-password-field'

/** Signs a user up to an organization; the same neutral answer whether or not the address is registered. */
export function OrgSignupForm({ slug }: { slug: string }) {
  const { form, errors, isSubmitting, isHydrated, message, onSubmit } = useActionForm({
    resolver: zodResolver(ZOrgUserSignup),
    defaultValues: { email: '', password: '' },
    fields: ['email', 'password'],
    action: (values) => signUpOrgUserAction(slug, values),
    onResult: (result, values) => result.ok && (setSent(values), true),
  })
  const { sent, setSent, clear } = useSentState<TOrgUserSignup>(() => form.setFocus('email'))

  if (sent) {
    return (
      <SentConfirmation resend={() => signUpOrgUserAction(slug, sent)} onUseAnotherAddress={() => (form.reset(), clear())}>
        Check your inbox: we sent a link to verify your email address.
      </SentConfirmation>
    )
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {message && <Alert tone="error">{message}</Alert>}
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register('email')} />
      <NewPasswordField error={errors.password?.message} registration={form.register('password')} />
      <Button type="submit" disabled={!isHydrated} isPending={isSubmitting} className="mt-2 w-full">
        Sign up
      </Button>
    </form>
  )
}
