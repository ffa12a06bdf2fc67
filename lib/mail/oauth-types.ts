// Shapes of the OAuth 2.0 token module. Types only, so no 'server-only': forms may `import type` them.

/** Client credentials grant (Microsoft 365: scope https://outlook.office365.com/.default). */
export type TClientCredentialsRequest = {
  kind: 'client-credentials'
  tokenUrl: string
  clientId: string
  clientSecret: string
  scope: string
}

/** The fields of a Google service account key file this module reads. */
export type TServiceAccountKey = {
  client_email: string
  private_key: string
  token_uri: string
  private_key_id?: string
}

/** JWT bearer grant (RFC 7523) of a Google service account acting as `user` (domain-wide delegation). */
export type TServiceAccountRequest = {
  kind: 'google-service-account'
  serviceAccountKey: TServiceAccountKey
  /** The mailbox the token is for (the JWT's `sub`), also the SMTP username. */
  user: string
  /** Defaults to https://mail.google.com/. */
  scope?: string
}

export type TTokenRequest = TClientCredentialsRequest | TServiceAccountRequest

export type TGrantKind = TTokenRequest['kind']

export type TTokenRequestOptions = {
  /** Tests only: lets the token URL be http: and resolve to a private or loopback address. */
  allowPrivateHosts?: boolean
  /** The whole request, DNS lookup included; default 10 s. */
  timeoutMs?: number
}

export type TAccessToken = { accessToken: string; expiresAt: Date }

/** The form field a token failure points at, or null when no field is to blame. */
export type TTokenField = 'tokenUrl' | 'clientId' | 'clientSecret' | 'scope' | 'serviceAccountKey' | 'username' | null
