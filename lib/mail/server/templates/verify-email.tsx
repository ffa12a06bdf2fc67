import 'server-only'
import { Text } from '@react-email/components'
import { ActionLink, EmailLayout, paragraph } from './layout'
import { oneLine, renderEmail, subjectOrgName, type TRenderedEmail } from './render'

/** Asks a new user to confirm their email address. */
export function verifyEmail(input: { orgName: string; link: string }): Promise<TRenderedEmail> {
  const orgName = oneLine(input.orgName)
  const intro = `Confirm your email address to finish creating your ${orgName} account.`
  const footer = 'If you did not create an account, you can ignore this email.'
  return renderEmail(
    `Confirm your email address for ${subjectOrgName(orgName)}`,
    <EmailLayout orgName={orgName} preview={intro} title="Confirm your email address" footer={footer}>
      <Text style={paragraph}>{intro}</Text>
      <ActionLink href={input.link}>Confirm email address</ActionLink>
    </EmailLayout>,
    [intro, '', 'Confirm your email address:', input.link, '', '--', footer],
  )
}
