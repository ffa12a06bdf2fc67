import 'server-only'
import { Text } from '@react-email/components'
import { ActionLink, EmailLayout, paragraph } from './layout'
import { oneLine, renderEmail, subjectOrgName, type TRenderedEmail } from './render'

/** Tells an organization's owners and admins that Microsoft 365 stops (or stopped) taking its provider's password. */
export function microsoftPasswordDeadline(input: { orgName: string; title: string; text: string; server: string; link: string }): Promise<TRenderedEmail> {
  const orgName = oneLine(input.orgName)
  const server = `Your email provider: ${oneLine(input.server)} (Microsoft 365, sign-in: Password).`
  const footer = 'You get this email at most twice (now and a week before the date), because you are an owner or admin of this organization.'
  return renderEmail(
    `Action needed for ${subjectOrgName(orgName)}: Microsoft 365 password sign-in for SMTP ends`,
    <EmailLayout orgName={orgName} preview={input.title} title={input.title} footer={footer}>
      <Text style={paragraph}>{input.text}</Text>
      <Text style={paragraph}>{server}</Text>
      <ActionLink href={input.link}>Switch to OAuth 2.0</ActionLink>
    </EmailLayout>,
    [input.title, '', input.text, server, '', 'Switch to OAuth 2.0:', input.link, '', '--', footer],
  )
}
