import 'server-only'
import { Text } from '@react-email/components'
import { EmailLayout, paragraph } from './layout'
import { oneLine, renderEmail, subjectOrgName, type TRenderedEmail } from './render'

/** The console's "Send test email": proves the organization's own provider delivers. */
export function testEmail(input: { orgName: string; providerLabel: string }): Promise<TRenderedEmail> {
  const orgName = oneLine(input.orgName)
  const sentThrough = `This message was sent by ${orgName} through its custom email provider, ${input.providerLabel}.`
  const meaning = 'It arrived, so sign-up confirmations and password resets will reach your users the same way.'
  const footer = `You received this because someone sent a test email from the ${orgName} console.`
  return renderEmail(
    `Test email from ${subjectOrgName(orgName)}`,
    <EmailLayout orgName={orgName} preview="Your custom email provider works" title="Your email provider works" footer={footer}>
      <Text style={paragraph}>{sentThrough}</Text>
      <Text style={paragraph}>{meaning}</Text>
    </EmailLayout>,
    ['Your email provider works', '', sentThrough, meaning, '', '--', footer],
  )
}
