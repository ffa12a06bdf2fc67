import 'server-only'
import { Text } from '@react-email/components'
import { ActionLink, EmailLayout, paragraph } from './layout'
import { oneLine, renderEmail, type TRenderedEmail } from './render'

/** Tells an organization's owners and admins that its email provider fails, and where to fix it. */
export function deliveryFailing(input: {
  orgName: string
  cause: string
  hint: string
  since: string
  waiting: number
  link: string
}): Promise<TRenderedEmail> {
  const orgName = oneLine(input.orgName)
  const intro = `Sign-up and password reset emails of ${orgName} cannot go through your email provider since ${input.since}. They are kept and will be sent once it works again.`
  const cause = `Cause: ${input.cause}. ${input.hint}.`
  const waiting = `${input.waiting} ${input.waiting === 1 ? 'message is' : 'messages are'} waiting.`
  const footer = 'You get this email once per incident, because you are an owner or admin of this organization.'
  return renderEmail(
    `Email delivery is failing for ${orgName}`,
    <EmailLayout orgName={orgName} preview="Your email provider is failing" title="Email delivery is failing" footer={footer}>
      <Text style={paragraph}>{intro}</Text>
      <Text style={paragraph}>{cause}</Text>
      <Text style={paragraph}>{waiting}</Text>
      <ActionLink href={input.link}>Open the Email Provider settings</ActionLink>
    </EmailLayout>,
    [intro, '', cause, waiting, '', 'Open the Email Provider settings:', input.link, '', '--', footer],
  )
}
