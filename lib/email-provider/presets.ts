// Provider presets for the Email Provider form: pure data and tiny helpers, safe in client and server code.
// Every value was checked against the page cited beside it; per-customer values (regions, most DKIM selectors)
// are left for the admin, with a hint.
import { enumValues, ProviderPreset } from '@/lib/enums'

/** The ids of the Provider select, in display order; 'custom' is the default. */
export const PROVIDER_PRESET_IDS = enumValues(ProviderPreset)

export type TProviderPresetId = (typeof PROVIDER_PRESET_IDS)[number]

/** How the connection is secured: 'tls' from the first byte (465), 'starttls' upgraded after EHLO, 'auto' by port. */
export type TProviderSecurity = 'auto' | 'starttls' | 'tls' | 'none'

/** How the console signs in to the server. */
export type TProviderAuth = 'password' | 'oauth_client_credentials' | 'google_service_account' | 'none'

export type TProviderPreset = {
  id: TProviderPresetId
  label: string
  /** Empty for Custom SMTP; for SES a region template the admin edits. */
  host: string
  hostHint?: string
  port: number
  security: TProviderSecurity
  auth: TProviderAuth
  /** A fixed SMTP username, when the service documents one. */
  username?: string
  /** What to create at the provider, two or three short lines. */
  setup: readonly string[]
  docsUrl: string
  /** The SPF include for the sending domain, or null when the service has none to name. */
  spfInclude: string | null
  spfHint?: string
  /** DKIM selectors to look up; empty where the service generates them per customer. */
  dkimSelectors: readonly string[]
  /** The service's HTTP API, when it has one we send through (lib/mail/server/transports/<service>/). */
  api?: TPresetApi
}

/** A preset's HTTP API: which transport, and the words of its API key field. */
export type TPresetApi = {
  service: 'postmark'
  /** Under API key: the service's own name for the key and where to find it. */
  keyHelp: string
  /** What to set up at the service for API sending. */
  setup: readonly string[]
  docsUrl: string
}

/** The preset's name as the Provider select shows it. */
export function presetLabelOf(id: TProviderPresetId): string {
  return PROVIDER_PRESETS.find((preset) => preset.id === id)?.label ?? id
}

/** The HTTP API of a preset, if it has one. */
export function presetApiOf(id: TProviderPresetId): TPresetApi | undefined {
  return PROVIDER_PRESETS.find((preset) => preset.id === id)?.api
}

export const DEFAULT_PROVIDER_PRESET_ID: TProviderPresetId = 'custom'

/** Token scope for Exchange Online SMTP with the client credentials grant (app permission SMTP.SendAsApp). */
export const MICROSOFT_SMTP_SCOPE = 'https://outlook.office365.com/.default'

/** OAuth scope for IMAP, POP and SMTP access to Gmail; also the scope granted in domain-wide delegation. */
// https://developers.google.com/workspace/gmail/imap/xoauth2-protocol
export const GOOGLE_MAIL_SCOPE = 'https://mail.google.com/'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i

/** True for a Microsoft Entra tenant ID: a GUID or a verified domain such as contoso.onmicrosoft.com. */
export function isMicrosoftTenantId(value: string): boolean {
  const tenant = value.trim()
  return GUID.test(tenant) || DOMAIN.test(tenant)
}

/** The Microsoft identity platform v2.0 token endpoint of a tenant; throws on a malformed tenant ID. */
export function microsoftTokenUrl(tenantId: string): string {
  const tenant = tenantId.trim()
  if (!isMicrosoftTenantId(tenant)) throw new TypeError('The tenant ID must be a GUID or a domain such as contoso.onmicrosoft.com')
  return `https://login.microsoftonline.com/${tenant.toLowerCase()}/oauth2/v2.0/token`
}

/** The presets of the Provider select, in display order. */
export const PROVIDER_PRESETS: readonly TProviderPreset[] = [
  {
    // Message submission on port 587: https://www.rfc-editor.org/rfc/rfc6409
    id: 'custom',
    label: 'Custom SMTP',
    host: '',
    port: 587,
    security: 'auto',
    auth: 'password',
    setup: ["Use the SMTP host, port, username and password from your provider's settings"],
    docsUrl: 'https://www.rfc-editor.org/rfc/rfc6409',
    spfInclude: null,
    dkimSelectors: [],
  },
  {
    // Client credentials for SMTP, SMTP.SendAsApp, New-ServicePrincipal, Add-MailboxPermission (token scope .default):
    // https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth
    // smtp.office365.com, 587, STARTTLS (read in a copy of this page): https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365
    // SPF include and DKIM selector1/selector2 CNAMEs: peers' DNS records only, Microsoft's own DKIM page not reached (unconfirmed)
    id: 'microsoft365',
    label: 'Microsoft 365',
    host: 'smtp.office365.com',
    port: 587,
    security: 'starttls',
    auth: 'oauth_client_credentials',
    setup: [
      'Microsoft Entra admin center → App registrations: register an app and add a client secret',
      'API permissions → Office 365 Exchange Online → Application permission SMTP.SendAsApp, then Grant admin consent',
      'Exchange Online PowerShell: New-ServicePrincipal for the app, then Add-MailboxPermission -AccessRights FullAccess on the sending mailbox',
    ],
    docsUrl: 'https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
    spfInclude: 'spf.protection.outlook.com',
    dkimSelectors: ['selector1', 'selector2'],
  },
  {
    // XOAUTH2 and the https://mail.google.com/ scope: https://developers.google.com/workspace/gmail/imap/xoauth2-protocol
    // Domain-wide delegation in the Admin console: https://developers.google.com/workspace/cloud-search/docs/guides/delegation
    // smtp.gmail.com, 587 STARTTLS or 465 TLS: community guides (Google's own page not reached, unconfirmed)
    // SPF _spf.google.com: https://support.google.com/a/answer/10684623; DKIM selector 'google' by default:
    // https://support.google.com/a/answer/174126 (both as cited by peers' provider tables, not read directly)
    id: 'google',
    label: 'Google Workspace',
    host: 'smtp.gmail.com',
    port: 587,
    security: 'starttls',
    auth: 'google_service_account',
    setup: [
      'Google Cloud console: create a service account and a JSON key',
      "Admin console → Security → Access and data control → API controls → Manage Domain Wide Delegation: add the service account's client ID with scope https://mail.google.com/",
    ],
    docsUrl: 'https://developers.google.com/workspace/gmail/imap/xoauth2-protocol',
    spfInclude: '_spf.google.com',
    dkimSelectors: ['google'],
  },
  {
    // STARTTLS on 25, 587, 2587; TLS Wrapper on 465, 2465: https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html
    // SMTP credentials are per region and differ from the AWS secret access key: https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html
    // SPF only for a custom MAIL FROM domain: https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-spf.html
    id: 'ses',
    label: 'Amazon SES',
    host: 'email-smtp.us-east-1.amazonaws.com',
    hostHint: 'Replace us-east-1 with the region of your SES account; the SMTP credentials work only in that region',
    port: 587,
    security: 'starttls',
    auth: 'password',
    setup: [
      'SES console → SMTP settings → Create SMTP credentials (not your IAM access keys)',
      'SES console → Identities: verify the domain of the From Address',
    ],
    docsUrl: 'https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html',
    spfInclude: 'amazonses.com',
    spfHint: 'Only for a custom MAIL FROM domain; Easy DKIM generates three CNAME selectors per domain',
    dkimSelectors: [],
  },
  {
    // smtp.sendgrid.net, username 'apikey', password = API key, 587 (25/2525 STARTTLS, 465 SSL):
    // https://www.twilio.com/docs/sendgrid/for-developers/sending-email/integrating-with-the-smtp-api
    id: 'sendgrid',
    label: 'SendGrid',
    host: 'smtp.sendgrid.net',
    port: 587,
    security: 'starttls',
    auth: 'password',
    username: 'apikey',
    setup: [
      'SendGrid → Settings → API Keys: create a key with at least Mail Send permission; it is the password',
      'Settings → Sender Authentication: authenticate the domain of the From Address',
      // https://support.sendgrid.com/hc/en-us/articles/35270136965403-Twilio-SendGrid-Trial-Account-Plan
      'New SendGrid accounts (since March 2025) start on a 60-day trial: they stop sending when it ends unless you choose a paid Email API plan under Settings → Account Details → Your Products',
    ],
    docsUrl: 'https://www.twilio.com/docs/sendgrid/for-developers/sending-email/integrating-with-the-smtp-api',
    spfInclude: 'sendgrid.net',
    dkimSelectors: ['s1', 's2'],
  },
  {
    // smtp.mailgun.org, ports 25/587/2525 STARTTLS and 465 TLS, per-domain SMTP credentials:
    // https://documentation.mailgun.com/docs/mailgun/user-manual/sending-messages/send-smtp
    // EU host smtp.eu.mailgun.org: https://cloud.google.com/compute/docs/tutorials/sending-mail/using-mailgun (mailgun.org SPF unconfirmed)
    id: 'mailgun',
    label: 'Mailgun',
    host: 'smtp.mailgun.org',
    hostHint: 'For a domain in the EU region use smtp.eu.mailgun.org',
    port: 587,
    security: 'starttls',
    auth: 'password',
    setup: [
      'Mailgun → Sending → Domain settings → SMTP credentials: create a login for the sending domain',
      'Verify the sending domain with the DNS records Mailgun shows',
    ],
    docsUrl: 'https://documentation.mailgun.com/docs/mailgun/user-manual/sending-messages/send-smtp',
    spfInclude: 'mailgun.org',
    spfHint: 'Mailgun shows the DKIM selector of each domain on its DNS records page',
    dkimSelectors: [],
  },
  {
    // smtp.postmarkapp.com, ports 25/2525/587 with STARTTLS, Server API Token as username and password:
    // https://postmarkapp.com/support/article/811-what-are-the-smtp-details-api-tokens-i-should-be-using
    // spf.mtasv.net and the <date>pm DKIM selector are unconfirmed (only the Return-Path CNAME to pm.mtasv.net was seen)
    id: 'postmark',
    label: 'Postmark',
    host: 'smtp.postmarkapp.com',
    port: 587,
    security: 'starttls',
    auth: 'password',
    setup: [
      'Postmark → Servers → your server → API Tokens: the Server API Token is both the username and the password',
      'Sender Signatures: verify the domain of the From Address',
    ],
    docsUrl: 'https://postmarkapp.com/support/article/811-what-are-the-smtp-details-api-tokens-i-should-be-using',
    spfInclude: 'spf.mtasv.net',
    spfHint: 'Only with a custom Return-Path domain; the DKIM selector is per domain (e.g. 20240101pm._domainkey)',
    dkimSelectors: [],
    // https://api.postmarkapp.com, the X-Postmark-Server-Token header, POST /email and GET /server:
    // https://postmarkapp.com/developer/api/overview, https://postmarkapp.com/developer/user-guide/send-email-with-api
    api: {
      service: 'postmark',
      keyHelp: 'Postmark\'s "Server API token": Servers → your server → API Tokens (not the Account API token)',
      setup: [
        'Postmark → Servers → your server → API Tokens: copy the Server API token into API key',
        'Sender Signatures: verify the domain of the From Address (DKIM and Return-Path records)',
      ],
      docsUrl: 'https://postmarkapp.com/developer/user-guide/send-email-with-api',
    },
  },
  {
    // smtp-relay.brevo.com, 587 or 2525 (465 with SSL/TLS), SMTP login + SMTP key (not an API key):
    // https://developers.brevo.com/docs/smtp-integration (spf.brevo.com unconfirmed)
    id: 'brevo',
    label: 'Brevo',
    host: 'smtp-relay.brevo.com',
    port: 587,
    security: 'starttls',
    auth: 'password',
    setup: [
      'Brevo → Settings → SMTP & API → SMTP: copy the SMTP login and generate an SMTP key (not an API key)',
      'Senders, Domains & Dedicated IPs: authenticate the domain of the From Address',
    ],
    docsUrl: 'https://developers.brevo.com/docs/smtp-integration',
    spfInclude: 'spf.brevo.com',
    spfHint: 'Brevo shows the DKIM record in its domain settings',
    dkimSelectors: [],
  },
  {
    // smtp.resend.com, username 'resend', password = API key, STARTTLS 25/587/2587, SMTPS 465/2465:
    // https://resend.com/docs/send-with-smtp
    // SPF include:amazonses.com on the bounce (send.) subdomain, DKIM at resend._domainkey: Resend's Domain Connect template,
    // https://github.com/Domain-Connect/Templates/blob/master/resend.com.mail.json
    id: 'resend',
    label: 'Resend',
    host: 'smtp.resend.com',
    port: 587,
    security: 'starttls',
    auth: 'password',
    username: 'resend',
    setup: [
      'Resend → API Keys: create a key with sending access; it is the password',
      'Resend → Domains: add the domain of the From Address and its DNS records',
    ],
    docsUrl: 'https://resend.com/docs/send-with-smtp',
    spfInclude: 'amazonses.com',
    spfHint: 'On the send. subdomain (the bounce domain), not on the From domain itself',
    dkimSelectors: ['resend'],
  },
]

const BY_ID = new Map<string, TProviderPreset>(PROVIDER_PRESETS.map((preset) => [preset.id, preset]))

/** True when the value is one of the Provider select's ids. */
export function isProviderPresetId(value: unknown): value is TProviderPresetId {
  return typeof value === 'string' && BY_ID.has(value)
}

/** The preset with this id, or undefined for an unknown id. */
export function presetById(id: string): TProviderPreset | undefined {
  return BY_ID.get(id)
}
