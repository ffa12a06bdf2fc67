import 'server-only'
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'

// The frame every email shares: a centred white card on a light grey page, system fonts.

const page = {
  backgroundColor: '#f4f4f5',
  fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  margin: 0,
  padding: '32px 0',
}
const card = { backgroundColor: '#ffffff', border: '1px solid #e4e4e7', borderRadius: '8px', margin: '0 auto', maxWidth: '520px', padding: '32px' }
const brand = { color: '#71717a', fontSize: '13px', fontWeight: 600, letterSpacing: '0.04em', margin: '0 0 24px', textTransform: 'uppercase' as const }
const title = { color: '#18181b', fontSize: '22px', fontWeight: 600, lineHeight: '28px', margin: '0 0 16px' }
const footer = { color: '#a1a1aa', fontSize: '12px', lineHeight: '18px', margin: 0 }

export const paragraph = { color: '#3f3f46', fontSize: '15px', lineHeight: '24px', margin: '0 0 16px' }
const button = {
  backgroundColor: '#18181b',
  borderRadius: '6px',
  color: '#ffffff',
  display: 'inline-block',
  fontSize: '15px',
  fontWeight: 600,
  padding: '12px 20px',
  textDecoration: 'none',
}
const fallbackLink = { color: '#52525b', fontSize: '13px', lineHeight: '20px', margin: '16px 0 0', wordBreak: 'break-all' as const }

/** The shared email frame: organization name, title, content and a footer line. */
export function EmailLayout(props: { orgName: string; preview: string; title: string; footer: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Text style={brand}>{props.orgName}</Text>
          <Heading as="h1" style={title}>
            {props.title}
          </Heading>
          <Section>{props.children}</Section>
          <Hr style={{ borderColor: '#e4e4e7', margin: '24px 0 16px' }} />
          <Text style={footer}>{props.footer}</Text>
        </Container>
      </Body>
    </Html>
  )
}

/** The email's one action: a button, and the same link spelled out for clients that show no buttons. */
export function ActionLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <>
      <Button href={href} style={button}>
        {children}
      </Button>
      <Text style={fallbackLink}>
        Or paste this link into your browser: <Link href={href}>{href}</Link>
      </Text>
    </>
  )
}
