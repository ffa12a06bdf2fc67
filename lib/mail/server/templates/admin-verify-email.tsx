import 'server-only'
import { Text } from '@react-email/components'
import { ActionLink, EmailLayout, paragraph } from './layout'
import { renderEmail, type TRenderedEmail } from './render'

/** Asks a new console admin to confirm their email address (sent by the platform's default provider). */
export function adminVerifyEmail(input: { link: string }): Promise<TRenderedEmail> {
  const intro = 'Confirm your email address to finish setting up your Mailgate account.'
  const expiry = 'The link works once and expires in 24 hours.'
  const footer = 'If you did not create a Mailgate account, you can ignore this email.'
  return renderEmail(
    'Confirm your email address for Mailgate',
    <EmailLayout orgName="Mailgate" preview={intro} title="Confirm your email address" footer={footer}>
      <Text style={paragraph}>{intro}</Text>
      <Text style={paragraph}>{expiry}</Text>
      <ActionLink href={input.link}>Confirm email address</ActionLink>
    </EmailLayout>,
    [intro, expiry, '', 'Confirm your email address:', input.link, '', '--', footer],
  )
}
