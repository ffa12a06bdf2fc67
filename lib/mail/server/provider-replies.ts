import type { TSmtpField, TSmtpStage } from '@/lib/mail/types'

// Well-known Microsoft 365 and Google replies in plain words, with the fix and the form field to change. Pure: no
// 'server-only', no node imports. Matches on the enhanced status code after the reply code, so multi-line replies
// ("535-5.7.8 Username and Password not accepted...") count. Codes that other servers also use for other things
// (5.7.3, 5.7.8, 5.7.9) only match when the text shows which provider answered.

/** The form field a provider reply points at: the SMTP fields plus the OAuth sign-in fields. */
export type TProviderReplyField = TSmtpField | 'clientId' | 'clientSecret' | 'serviceAccountKey'

/** A provider reply in plain words. */
export type TProviderReplyFailure = {
  field: TProviderReplyField
  stage: Extract<TSmtpStage, 'auth' | 'mail' | 'rcpt' | 'data'>
  message: string
  hint: string
  /** The cause is the From Address's domain: the fix is on the Sender domain card. */
  fixIn?: 'sender-domain'
}

/** The fields of a nodemailer error this module reads. */
export type TProviderReply = { responseCode?: number; response?: string; command?: string }

type TRule = {
  code: string
  /** The reply text must also match this, when the code alone does not say which provider answered. */
  text?: RegExp
  stage: TProviderReplyFailure['stage']
  failure: (oauth: boolean) => Pick<TProviderReplyFailure, 'field' | 'message' | 'hint' | 'fixIn'>
}

const ENHANCED_CODE = /(?:^|\n)\s*(?:\d{3}[ -])?([245]\.\d{1,3}\.\d{1,3})(?=[\s;,.]|$)/
const GOOGLE = /gsmtp|support\.google\.com|google\.com\/mail/i
const MICROSOFT = /outlook\.com|office365\.com|Authentication unsuccessful|aka\.ms/i

// Microsoft: https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission
// Basic authentication off by default for existing tenants at the end of December 2026 (Message center MC786329).
// 550 5.7.30: https://techcommunity.microsoft.com/blog/exchange/exchange-online-to-retire-basic-auth-for-client-submission-smtp-auth/4114750
// 550 5.7.515: https://support.microsoft.com/en-au/topic/fix-ndr-error-550-5-7-515-in-outlook-com-34cfe8f8-6fbf-457e-9e8b-9e4dbaf4e0ef
// Gmail's refusals (5.7.25 PTR, 5.7.27 SPF, 4.7.28 rate, 5.7.29 TLS): https://support.google.com/a/answer/3726730
// Google: https://support.google.com/mail/?p=BadCredentials, https://support.google.com/mail/?p=InvalidSecondFactor
const RULES: readonly TRule[] = [
  {
    code: '5.7.139',
    stage: 'auth',
    failure: (oauth) =>
      oauth
        ? {
            field: null,
            message: 'Microsoft 365 refused the sign-in: SMTP AUTH is turned off for this organization or this mailbox',
            hint: 'Have a Microsoft 365 admin turn on Authenticated SMTP for the mailbox in the Microsoft 365 admin center',
          }
        : {
            field: 'authKind',
            message: 'Microsoft 365 no longer takes a password for SMTP here: password sign-in (basic authentication) is turned off for this organization',
            hint: 'Switch to OAuth 2.0 (client credentials): Microsoft turns password sign-in off by default on 31 December 2026, and a tenant admin can only turn it back on for a while',
          },
  },
  {
    code: '5.7.30',
    text: /Basic authentication|Client Submission|outlook\.com|office365/i,
    stage: 'auth',
    failure: () => ({
      field: 'authKind',
      message: 'Microsoft 365 no longer takes a password for SMTP (basic authentication is not supported for Client Submission)',
      hint: 'Switch to OAuth 2.0 (client credentials): keep the server, port and mailbox, and enter the Tenant ID, Client ID and Client Secret',
    }),
  },
  {
    code: '5.7.3',
    text: MICROSOFT,
    stage: 'auth',
    failure: (oauth) =>
      oauth
        ? {
            field: 'username',
            message: 'Microsoft 365 refused the app token for this mailbox',
            hint: 'Register the app in Exchange Online with New-ServicePrincipal and grant it the mailbox with Add-MailboxPermission -AccessRights FullAccess; the Username must be that mailbox',
          }
        : {
            field: 'password',
            message: 'Microsoft 365 rejected the username or password',
            hint: 'Check the mailbox address and password, or switch to OAuth 2.0 client credentials',
          },
  },
  {
    code: '5.7.57',
    stage: 'mail',
    failure: () => ({
      field: 'username',
      message: 'Microsoft 365 does not accept mail from a client that has not signed in',
      hint: 'Enter the Username (the sending mailbox) and its sign-in, so the console authenticates before sending',
    }),
  },
  {
    code: '5.2.252',
    stage: 'data',
    failure: () => ({
      field: 'fromAddress',
      message: 'This mailbox may not send as the From Address',
      hint: "Use the mailbox's own address as the From Address, or have an admin grant the mailbox Send As permission on that address",
    }),
  },
  {
    code: '5.7.515',
    stage: 'rcpt',
    failure: () => ({
      field: 'fromAddress',
      message: "Microsoft refused the message: the From Address's domain does not meet its SPF, DKIM and DMARC requirements",
      hint: 'Publish SPF and DKIM records for the From domain, both passing, and a DMARC record (p=none at least) that aligns with one of them',
    }),
  },
  {
    code: '5.7.9',
    text: GOOGLE,
    stage: 'auth',
    failure: () => ({
      field: 'password',
      message: 'Google wants an app password, not the account password',
      hint: 'Create an app password for this Google account (2-Step Verification must be on), or choose Google Workspace as the Provider and sign in with a service account',
    }),
  },
  {
    code: '5.7.8',
    text: GOOGLE,
    stage: 'auth',
    failure: (oauth) =>
      oauth
        ? {
            field: 'username',
            message: 'Google refused the token for this user',
            hint: 'The Username must be a user of the Workspace domain that delegated https://mail.google.com/ to the service account, and the token must have been issued for that user',
          }
        : {
            field: 'password',
            message: 'Google did not accept the username and password',
            hint: 'Use the full address as the Username and an app password as the Password, or sign in with a service account',
          },
  },
  {
    code: '5.7.25',
    text: GOOGLE,
    stage: 'data',
    failure: () => ({
      field: 'host',
      message: 'Gmail refused the message: the sending server’s IP address has no PTR (reverse DNS) record that points back to it',
      hint: 'Send through a provider whose servers have reverse DNS, or have the owner of the sending IP publish a PTR record whose name resolves back to that IP',
    }),
  },
  {
    code: '4.7.25',
    text: GOOGLE,
    stage: 'data',
    failure: () => ({
      field: 'host',
      message: 'Gmail deferred the message: the sending server’s IP address has no PTR (reverse DNS) record that points back to it',
      hint: 'Send through a provider whose servers have reverse DNS, or have the owner of the sending IP publish a PTR record whose name resolves back to that IP',
    }),
  },
  {
    code: '5.7.29',
    text: GOOGLE,
    stage: 'data',
    failure: () => ({
      field: 'security',
      message: 'Gmail refused the message because it did not arrive over TLS',
      hint: 'Send through a server that delivers to Gmail over TLS; in the console, choose a Security other than None',
    }),
  },
  {
    code: '4.7.29',
    text: GOOGLE,
    stage: 'data',
    failure: () => ({
      field: 'security',
      message: 'Gmail rate-limited the message because it did not arrive over TLS',
      hint: 'Send through a server that delivers to Gmail over TLS; in the console, choose a Security other than None',
    }),
  },
  {
    code: '4.7.28',
    text: GOOGLE,
    stage: 'data',
    failure: () => ({
      field: null,
      message: 'Gmail is rate-limiting mail from this sender for an unusual rate of unsolicited mail',
      hint: 'The messages wait and are retried; send less at once, and check the sender’s reputation in Google Postmaster Tools and the Sender domain card',
      fixIn: 'sender-domain',
    }),
  },
  {
    code: '5.7.27',
    text: GOOGLE,
    stage: 'data',
    failure: () => ({
      field: 'fromAddress',
      message: 'Gmail refused the message: SPF failed for the MAIL FROM domain',
      hint: 'Authorize the sending server in the SPF record of the From Address’s domain (see Sender domain on the Email Provider page) and keep it within 10 DNS lookups',
      fixIn: 'sender-domain',
    }),
  },
  {
    code: '4.7.27',
    text: GOOGLE,
    stage: 'data',
    failure: () => ({
      field: 'fromAddress',
      message: 'Gmail deferred the message: SPF did not pass for the MAIL FROM domain',
      hint: 'Authorize the sending server in the SPF record of the From Address’s domain (see Sender domain on the Email Provider page) and keep it within 10 DNS lookups',
      fixIn: 'sender-domain',
    }),
  },
  {
    code: '5.7.26',
    stage: 'data',
    failure: () => ({
      field: 'fromAddress',
      message: "The recipient's server refused the message as unauthenticated: the From domain fails SPF, DKIM or DMARC",
      hint: "Add the provider's SPF include and DKIM records to the From Address's domain, and check its DMARC record",
      fixIn: 'sender-domain',
    }),
  },
]

/** Maps a well-known Microsoft 365 or Google reply to plain words, the fix and the field; null for anything else. */
export function providerReplyFailure(reply: TProviderReply): TProviderReplyFailure | null {
  const text = typeof reply.response === 'string' ? reply.response : ''
  const code = ENHANCED_CODE.exec(text)?.[1]
  if (!code) return null
  const rule = RULES.find((candidate) => candidate.code === code && (!candidate.text || candidate.text.test(text)))
  if (!rule) return null
  const oauth = /XOAUTH2|OAUTHBEARER/i.test(reply.command ?? '')
  return { ...rule.failure(oauth), stage: stageOf(reply.command) ?? rule.stage }
}

function stageOf(command: string | undefined): TProviderReplyFailure['stage'] | null {
  if (!command) return null
  if (command.startsWith('AUTH')) return 'auth'
  if (command === 'MAIL FROM') return 'mail'
  if (command === 'RCPT TO') return 'rcpt'
  if (command === 'DATA' || command === 'BDAT') return 'data'
  return null
}
