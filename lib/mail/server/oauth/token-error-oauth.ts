import 'server-only'
import type { TTokenErrorContext, TTokenFailure } from '@/lib/mail/server/oauth/token-failure'

// The OAuth error codes a token endpoint answers (RFC 6749 section 5.2), with Microsoft's AADSTS
// codes and Google's descriptions where they tell more, in plain words on the field to fix.

const MS_SECRETS = 'Certificates & secrets of the app registration (Microsoft Entra admin center)'
const MS_SCOPE = 'For Microsoft 365 SMTP the scope is https://outlook.office365.com/.default'
const GOOGLE_DELEGATION =
  "In the Google Admin console (Security > Access and data control > API controls > Domain-wide delegation), add the service account's client ID with the scope https://mail.google.com/"

/** The failure for an OAuth error code and its description. */
export function oauthFailure(code: string, description: string, status: number, context: TTokenErrorContext): TTokenFailure {
  const oauthError = /^[\w.-]{1,64}$/.test(code) ? code : 'unknown'
  const failure =
    context.kind === 'google-service-account'
      ? serviceAccountFailure(oauthError, description, context)
      : clientCredentialsFailure(oauthError, description, context)
  return { ...failure, oauthError, ...(failure.isTransient === undefined && status >= 500 ? { isTransient: true } : {}) }
}

function clientCredentialsFailure(code: string, description: string, { host }: TTokenErrorContext): TTokenFailure {
  switch (code) {
    case 'invalid_client':
      if (/AADSTS7000222/.test(description)) {
        return {
          message: `The token endpoint ${host} refused the client secret: it has expired (AADSTS7000222)`,
          hint: `Create a new client secret under ${MS_SECRETS} and enter its Value here`,
          field: 'clientSecret',
        }
      }
      if (/AADSTS7000215/.test(description)) {
        return {
          message: `The token endpoint ${host} refused the client secret: it is not a valid secret of this app (AADSTS7000215)`,
          hint: `Enter the secret's Value, not its Secret ID, from ${MS_SECRETS}`,
          field: 'clientSecret',
        }
      }
      if (/AADSTS700016/.test(description)) {
        return {
          message: `The token endpoint ${host} does not know this Client ID in this tenant (AADSTS700016)`,
          hint: 'Enter the Application (client) ID of the app registration, and check the tenant in the token URL',
          field: 'clientId',
        }
      }
      return {
        message: `The token endpoint ${host} refused the client credentials: the Client ID or Client Secret is wrong, or the secret has expired`,
        hint: 'Check the Client ID and enter the current client secret',
        field: 'clientSecret',
      }
    case 'unauthorized_client':
      return {
        message: `The token endpoint ${host} does not allow this app to get tokens with its own credentials (client credentials grant)`,
        hint: 'Allow the client credentials grant for this app; Microsoft 365 also needs the SMTP.SendAsApp application permission with admin consent',
        field: 'clientId',
      }
    case 'invalid_scope':
      return { message: `The token endpoint ${host} refused the scope`, hint: MS_SCOPE, field: 'scope' }
    case 'invalid_request':
      if (/AADSTS90002|AADSTS900023/.test(description)) {
        return {
          message: `The token endpoint ${host} does not know the tenant in the token URL`,
          hint: 'Use your tenant ID or primary domain: https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token',
          field: 'tokenUrl',
        }
      }
      if (/scope/i.test(description)) return { message: `The token endpoint ${host} refused the scope`, hint: MS_SCOPE, field: 'scope' }
      return {
        message: `The token endpoint ${host} refused the request as malformed`,
        hint: 'Check the token URL (Microsoft 365: the v2.0 endpoint) and the scope',
        field: 'tokenUrl',
      }
    default:
      return commonFailure(code, host)
  }
}

function serviceAccountFailure(code: string, description: string, { host }: TTokenErrorContext): TTokenFailure {
  switch (code) {
    case 'invalid_client':
      return {
        message: `The token endpoint ${host} does not accept this service account key: it may have been deleted or disabled`,
        hint: 'Create a new JSON key for the service account and paste it here',
        field: 'serviceAccountKey',
      }
    case 'unauthorized_client':
      return {
        message: `The token endpoint ${host} did not authorize the service account for the scope: domain-wide delegation is missing`,
        hint: GOOGLE_DELEGATION,
        field: 'serviceAccountKey',
      }
    case 'invalid_scope':
      return { message: `The token endpoint ${host} refused the scope`, hint: 'For Gmail SMTP the scope is https://mail.google.com/', field: 'scope' }
    case 'invalid_grant':
      if (/signature/i.test(description)) {
        return {
          message: `The token endpoint ${host} refused the signature of the service account: the key is not (or no longer) valid`,
          hint: 'Create a new JSON key for the service account and paste it here',
          field: 'serviceAccountKey',
        }
      }
      if (/short-lived|\biat\b|\bexp\b|time/i.test(description)) {
        return {
          message: `The token endpoint ${host} refused the request's time stamps`,
          hint: "This server's clock is probably wrong: it must be synchronised (NTP)",
          field: null,
        }
      }
      return {
        message: `The token endpoint ${host} refused to issue a token for this user: the user does not exist in the domain, or domain-wide delegation is missing`,
        hint: `Enter a user of your Google Workspace domain as the username. ${GOOGLE_DELEGATION}`,
        field: 'username',
      }
    case 'invalid_request':
      return {
        message: `The token endpoint ${host} refused the request as malformed`,
        hint: 'Paste the service account key file again, unchanged',
        field: 'serviceAccountKey',
      }
    default:
      return commonFailure(code, host)
  }
}

function commonFailure(code: string, host: string): TTokenFailure {
  if (code === 'unsupported_grant_type') {
    return { message: `The token endpoint ${host} does not support this kind of grant`, hint: 'Check the token URL', field: 'tokenUrl' }
  }
  if (code === 'temporarily_unavailable' || code === 'server_error') {
    return { message: `The token endpoint ${host} is temporarily unable to issue tokens`, hint: 'Try again in a few minutes', field: null, isTransient: true }
  }
  return { message: `The token endpoint ${host} refused the request (${code})`, hint: "The endpoint's description below says why", field: null }
}
