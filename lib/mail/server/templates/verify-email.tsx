import 'server-only'
import { Button, Link, Text } from '@react-email/components'
import { button, EmailLayout, fallbackLink, paragraph } from './layout'
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
      <Button href={input.link} style={button}>
        Confirm email address
      </Button>
      <Text style={fallbackLink}>
        Or paste this link into your browser: <Link href={input.link}>{input.link}</Link>
      </Text>
    </EmailLayout>,
    [intro, '', 'Confirm your email address:', input.link, '', '--', footer],
  )
}
