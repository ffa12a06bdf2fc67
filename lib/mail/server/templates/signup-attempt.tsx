import 'server-only'
import { Text } from '@react-email/components'
import { ActionLink, EmailLayout, paragraph } from './layout'
import { oneLine, renderEmail, subjectOrgName, type TRenderedEmail } from './render'

/** Tells an existing user that someone tried to sign up again with their address (no account enumeration on the form). */
export function signupAttempt(input: { orgName: string; recoverLink: string }): Promise<TRenderedEmail> {
  const orgName = oneLine(input.orgName)
  const intro = `Someone tried to create an account at ${orgName} with this email address, but you already have one.`
  const ifYou = 'If that was you, sign in with your password, or reset it if you forgot it:'
  const footer = 'If it was not you, no action is needed: your account has not changed.'
  return renderEmail(
    `Sign-up attempt with your email address at ${subjectOrgName(orgName)}`,
    <EmailLayout orgName={orgName} preview="Someone tried to sign up with your email address" title="You already have an account" footer={footer}>
      <Text style={paragraph}>{intro}</Text>
      <Text style={paragraph}>{ifYou}</Text>
      <ActionLink href={input.recoverLink}>Reset your password</ActionLink>
    </EmailLayout>,
    [intro, '', ifYou, input.recoverLink, '', '--', footer],
  )
}
