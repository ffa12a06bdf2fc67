import 'server-only'
import { Button, Link, Text } from '@react-email/components'
import { button, EmailLayout, fallbackLink, paragraph } from './layout'
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
      <Button href={input.link} style={button}>
        Confirm email address
      </Button>
      <Text style={fallbackLink}>
        Or paste this link into your browser: <Link href={input.link}>{input.link}</Link>
      </Text>
    </EmailLayout>,
    [intro, expiry, '', 'Confirm your email address:', input.link, '', '--', footer],
  )
}
