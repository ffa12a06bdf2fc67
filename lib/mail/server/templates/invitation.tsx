import 'server-only'
import { Text } from '@react-email/components'
import { ActionLink, EmailLayout, paragraph } from './layout'
import { oneLine, renderEmail, type TRenderedEmail } from './render'

/** Invites someone to help run an organization in the console (sent by the platform's default provider). */
export function invitation(input: { orgName: string; inviterEmail: string; roleLabel: string; link: string }): Promise<TRenderedEmail> {
  const orgName = oneLine(input.orgName)
  const intro = `${oneLine(input.inviterEmail)} invited you to join ${orgName} in the Email Provider console as ${input.roleLabel}.`
  const expiry = 'The link works once and expires in 7 days.'
  const footer = 'If you did not expect this invitation, you can ignore this email.'
  return renderEmail(
    `Join ${orgName} in the Email Provider console`,
    <EmailLayout orgName={orgName} preview={`You are invited to join ${orgName}`} title="You are invited" footer={footer}>
      <Text style={paragraph}>{intro}</Text>
      <Text style={paragraph}>{expiry}</Text>
      <ActionLink href={input.link}>Accept invitation</ActionLink>
    </EmailLayout>,
    [intro, expiry, '', 'Accept invitation:', input.link, '', '--', footer],
  )
}
