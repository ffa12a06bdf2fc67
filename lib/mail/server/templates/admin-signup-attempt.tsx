import 'server-only'
import { Text } from '@react-email/components'
import { ActionLink, EmailLayout, paragraph } from './layout'
import { renderEmail, type TRenderedEmail } from './render'

/** Tells a console admin that someone tried to create an account with their address (the form answers as for a new one). */
export function adminSignupAttempt(input: { signInLink: string }): Promise<TRenderedEmail> {
  const intro = 'Someone tried to create a Mailgate account with this email address, but you already have one.'
  const ifYou = 'If that was you, sign in with your password:'
  const footer = 'If it was not you, no action is needed: your account has not changed.'
  return renderEmail(
    'Sign-up attempt with your email address at Mailgate',
    <EmailLayout orgName="Mailgate" preview="Someone tried to sign up with your email address" title="You already have an account" footer={footer}>
      <Text style={paragraph}>{intro}</Text>
      <Text style={paragraph}>{ifYou}</Text>
      <ActionLink href={input.signInLink}>Sign in</ActionLink>
    </EmailLayout>,
    [intro, '', ifYou, input.signInLink, '', '--', footer],
  )
}
