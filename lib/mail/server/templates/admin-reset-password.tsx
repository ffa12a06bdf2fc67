import 'server-only'
import { Text } from '@react-email/components'
import { ActionLink, EmailLayout, paragraph } from './layout'
import { renderEmail, type TRenderedEmail } from './render'

/** Sends a console admin the link that sets a new password (by the platform's default provider). */
export function adminResetPassword(input: { link: string }): Promise<TRenderedEmail> {
  const intro = 'Someone asked to reset the password of your Mailgate account. Use the button below to choose a new one.'
  const expiry = 'The link works once and expires in 1 hour. Choosing a new password signs out every session of your account.'
  const footer = 'If you did not ask for this, ignore this email: your password stays the same.'
  return renderEmail(
    'Reset your Mailgate password',
    <EmailLayout orgName="Mailgate" preview="Choose a new password" title="Reset your password" footer={footer}>
      <Text style={paragraph}>{intro}</Text>
      <Text style={paragraph}>{expiry}</Text>
      <ActionLink href={input.link}>Choose a new password</ActionLink>
    </EmailLayout>,
    [intro, expiry, '', 'Choose a new password:', input.link, '', '--', footer],
  )
}
