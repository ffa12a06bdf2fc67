import { describe, expect, it } from 'vitest'
import { resetPassword } from '@/lib/mail/server/templates/reset-password'
import { signupAttempt } from '@/lib/mail/server/templates/signup-attempt'
import { testEmail } from '@/lib/mail/server/templates/test-email'
import { verifyEmail } from '@/lib/mail/server/templates/verify-email'
import { invitation } from '@/lib/mail/server/templates/invitation'

const link = 'https://console.example.test/verify?token=abc&next=%2Forgs'

describe('email templates', () => {
  it('testEmail names the organization and its provider', async () => {
    const email = await testEmail({ orgName: 'Acme & Co', providerLabel: 'smtp.sendgrid.net:587' })
    expect(email.subject).toBe('Test email from Acme & Co')
    expect(email.html).toContain('Acme &amp; Co')
    expect(email.html).toContain('custom email provider, smtp.sendgrid.net:587')
    expect(email.text).toContain('This message was sent by Acme & Co through its custom email provider, smtp.sendgrid.net:587.')
    expect(email.html).toMatch(/^<!DOCTYPE html/)
  })

  it('testEmail puts only the sanitized organization name in its Subject, like every other email', async () => {
    const email = await testEmail({ orgName: 'Login at evil.example now', providerLabel: 'smtp.example.com:587' })
    expect(email.subject).toBe('Test email from Login at now')
  })

  it.each([
    ['verifyEmail', () => verifyEmail({ orgName: 'Acme', link }), 'Confirm your email address for Acme'],
    ['resetPassword', () => resetPassword({ orgName: 'Acme', link }), 'Reset your Acme password'],
    ['signupAttempt', () => signupAttempt({ orgName: 'Acme', recoverLink: link }), 'Sign-up attempt with your email address at Acme'],
    ['invitation', () => invitation({ orgName: 'Acme', inviterEmail: 'ann@acme.test', roleLabel: 'Admin', link }), 'Join Acme in the Email Provider console'],
  ])('%s carries the link in HTML and plain text', async (_name, make, subject) => {
    const email = await make()
    expect(email.subject).toBe(subject)
    expect(email.html).toContain(`href="${link.replace(/&/g, '&amp;')}"`)
    expect(email.text).toContain(`\n${link}\n`)
    expect(email.text).not.toContain('<')
  })

  it('escapes markup in organization names and keeps subjects on one line', async () => {
    const email = await verifyEmail({ orgName: '<script>alert(1)</script>\r\nBcc: x@example.test', link })
    expect(email.html).not.toContain('<script>')
    expect(email.subject).not.toMatch(/[\r\n]/)
  })

  it('signupAttempt reassures the owner that nothing changed', async () => {
    const email = await signupAttempt({ orgName: 'Acme', recoverLink: link })
    expect(email.text).toContain('If it was not you, no action is needed: your account has not changed.')
  })
})

describe('organization names in subjects', () => {
  it('are plain text without anything that looks like a URL, at most 60 characters', async () => {
    const { subjectOrgName, SUBJECT_ORG_NAME_MAX } = await import('@/lib/mail/server/templates/render')
    const { verifyEmail } = await import('@/lib/mail/server/templates/verify-email')
    const name = 'Acme urgent: log in at https://evil.example/login or www.evil.example or evil.example/x <b>now</b>'
    const cleaned = subjectOrgName(name)
    expect(cleaned).not.toMatch(/https?:|www\.|evil\.example|[<>]/)
    expect(cleaned.startsWith('Acme urgent: log in at')).toBe(true)
    expect(subjectOrgName('x'.repeat(200))).toHaveLength(SUBJECT_ORG_NAME_MAX)
    expect(subjectOrgName('https://evil.example')).toBe('your organization')
    const { subject } = await verifyEmail({ orgName: name, link: 'https://console.example/t/acme/verify?token=abc' })
    expect(subject).not.toMatch(/evil\.example|https?:/)
  })
})
