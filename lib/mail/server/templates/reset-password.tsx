import 'server-only'
import { Text } from '@react-email/components'
import { ActionLink, EmailLayout, paragraph } from './layout'
import { oneLine, renderEmail, subjectOrgName, type TRenderedEmail } from './render'

/** Sends the link that lets a user choose a new password. */
export function resetPassword(input: { orgName: string; link: string }): Promise<TRenderedEmail> {
  const orgName = oneLine(input.orgName)
  const intro = `Someone asked to reset the password of your ${orgName} account. Use the button below to choose a new one.`
  const footer = 'If you did not ask for this, ignore this email: your password stays the same.'
  return renderEmail(
    `Reset your ${subjectOrgName(orgName)} password`,
    <EmailLayout orgName={orgName} preview="Choose a new password" title="Reset your password" footer={footer}>
      <Text style={paragraph}>{intro}</Text>
      <ActionLink href={input.link}>Choose a new password</ActionLink>
    </EmailLayout>,
    [intro, '', 'Choose a new password:', input.link, '', '--', footer],
  )
}
