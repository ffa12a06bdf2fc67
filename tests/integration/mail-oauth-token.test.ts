import { createPublicKey, generateKeyPairSync } from 'node:crypto'
import { inspect } from 'node:util'
import { decodeProtectedHeader, jwtVerify } from 'jose'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  clearAccessTokens,
  getAccessToken,
  invalidateAccessToken,
  redactSecrets,
  requestAccessToken,
  TokenError,
  type TClientCredentialsRequest,
  type TServiceAccountRequest,
} from '@/lib/mail/server/oauth'
import { loadTestCa } from '../support/test-ca'
import { startTokenEndpoint, tokenAnswer, type TTokenEndpoint } from '../support/token-endpoint'

const SECRET = 'Qx48Q~s3cr3t.Value_that-must-not-leak'
const TEST_ONLY = { allowPrivateHosts: true }

function clientCredentials(endpoint: TTokenEndpoint, overrides: Partial<TClientCredentialsRequest> = {}): TClientCredentialsRequest {
  return {
    kind: 'client-credentials',
    tokenUrl: endpoint.url,
    clientId: 'app-1234',
    clientSecret: SECRET,
    scope: 'https://outlook.office365.com/.default',
    ...overrides,
  }
}

async function tokenError(promise: Promise<unknown>): Promise<TokenError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(TokenError)
  return error as TokenError
}

function expectNoLeak(error: TokenError, ...secrets: string[]): void {
  const shown = [error.message, error.hint, error.detail ?? '', inspect(error, { depth: 10 })].join('\n')
  for (const secret of secrets) {
    expect(shown).not.toContain(secret)
    expect(shown).not.toContain(Buffer.from(secret).toString('base64').replace(/=+$/, ''))
  }
}

describe('client credentials grant (Microsoft 365)', () => {
  let endpoint: TTokenEndpoint
  beforeAll(async () => {
    endpoint = await startTokenEndpoint(() => tokenAnswer('token-1'))
  })
  afterAll(() => endpoint.close())
  afterEach(() => {
    endpoint.calls.length = 0
    endpoint.answer(() => tokenAnswer('token-1'))
  })

  it('gets a token, sending client_id, client_secret, grant_type and scope in the body', async () => {
    const before = Date.now()
    const token = await requestAccessToken(clientCredentials(endpoint), TEST_ONLY)
    expect(token.accessToken).toBe('token-1')
    expect(token.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 3599_000)
    expect(token.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 3599_000)
    expect(endpoint.calls).toHaveLength(1)
    const [call] = endpoint.calls
    expect(call.path).toBe('/tenant-1/oauth2/v2.0/token')
    expect(call.headers.host).toBe(`localhost:${endpoint.port}`)
    expect(Object.fromEntries(call.params)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'app-1234',
      client_secret: SECRET,
      scope: 'https://outlook.office365.com/.default',
    })
  })

  it('puts a wrong secret (AADSTS7000215) on the client secret, without the secret', async () => {
    endpoint.answer(() => ({
      status: 401,
      json: {
        error: 'invalid_client',
        error_description: `AADSTS7000215: Invalid client secret provided. You sent ${SECRET} (${Buffer.from(SECRET).toString('base64')}). Trace ID: 1a2b`,
      },
    }))
    const error = await tokenError(requestAccessToken(clientCredentials(endpoint), TEST_ONLY))
    expect(error).toMatchObject({ field: 'clientSecret', oauthError: 'invalid_client', isOrgLevel: true, isTransient: false })
    expect(error.message).toBe(
      'The token endpoint localhost:' + endpoint.port + ' refused the client secret: it is not a valid secret of this app (AADSTS7000215)',
    )
    expect(error.detail).toContain('AADSTS7000215: Invalid client secret provided')
    expectNoLeak(error, SECRET)
  })

  it('says an expired secret (AADSTS7000222) has expired', async () => {
    endpoint.answer(() => ({
      status: 401,
      json: { error: 'invalid_client', error_description: 'AADSTS7000222: The provided client secret keys for app are expired.' },
    }))
    const error = await tokenError(requestAccessToken(clientCredentials(endpoint), TEST_ONLY))
    expect(error).toMatchObject({ field: 'clientSecret', oauthError: 'invalid_client' })
    expect(error.message).toContain('it has expired (AADSTS7000222)')
  })

  it('puts invalid_scope on the scope', async () => {
    endpoint.answer(() => ({ status: 400, json: { error: 'invalid_scope', error_description: 'AADSTS70011: The provided value for scope is not valid.' } }))
    const error = await tokenError(requestAccessToken(clientCredentials(endpoint, { scope: 'SMTP.Send' }), TEST_ONLY))
    expect(error).toMatchObject({
      field: 'scope',
      oauthError: 'invalid_scope',
      hint: 'For Microsoft 365 SMTP the scope is https://outlook.office365.com/.default',
    })
  })

  it('puts unauthorized_client on the client ID', async () => {
    endpoint.answer(() => ({ status: 400, json: { error: 'unauthorized_client' } }))
    const error = await tokenError(requestAccessToken(clientCredentials(endpoint), TEST_ONLY))
    expect(error).toMatchObject({ field: 'clientId', oauthError: 'unauthorized_client' })
  })

  it('reports a non-JSON 500 as a transient server error of the endpoint', async () => {
    endpoint.answer(() => ({ status: 500, body: '<html>Internal Server Error</html>', contentType: 'text/html' }))
    const error = await tokenError(requestAccessToken(clientCredentials(endpoint), TEST_ONLY))
    expect(error).toMatchObject({
      field: 'tokenUrl',
      oauthError: null,
      isTransient: true,
      message: `The token endpoint localhost:${endpoint.port} had a server error (HTTP 500)`,
    })
  })

  it('reports a 200 that is not JSON on the token URL', async () => {
    endpoint.answer(() => ({ status: 200, body: 'hello', contentType: 'text/plain' }))
    const error = await tokenError(requestAccessToken(clientCredentials(endpoint), TEST_ONLY))
    expect(error).toMatchObject({ field: 'tokenUrl', message: `The token endpoint localhost:${endpoint.port} did not answer with JSON (HTTP 200)` })
  })

  it('never shows an access token from an answer it cannot use', async () => {
    endpoint.answer(() => ({ json: { token_type: 'mac', access_token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.leaked-token', expires_in: 3599 } }))
    const error = await tokenError(requestAccessToken(clientCredentials(endpoint), TEST_ONLY))
    expect(error).toMatchObject({
      field: 'tokenUrl',
      message: `The token endpoint localhost:${endpoint.port} answered with a kind of token this app cannot use`,
    })
    expectNoLeak(error, 'leaked-token', SECRET)
  })

  it('refuses an answer larger than 64 KB', async () => {
    endpoint.answer(() => ({ json: { token_type: 'Bearer', expires_in: 3599, access_token: 't', padding: 'x'.repeat(70_000) } }))
    const error = await tokenError(requestAccessToken(clientCredentials(endpoint), TEST_ONLY))
    expect(error).toMatchObject({ field: 'tokenUrl', message: `The token endpoint localhost:${endpoint.port} sent an answer larger than 64 KB` })
  })

  it('gives up after timeoutMs when the endpoint never answers', async () => {
    endpoint.answer(() => 'never')
    const started = Date.now()
    const error = await tokenError(requestAccessToken(clientCredentials(endpoint), { ...TEST_ONLY, timeoutMs: 500 }))
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(error).toMatchObject({
      field: 'tokenUrl',
      isTransient: true,
      message: `The token endpoint localhost:${endpoint.port} did not answer within 0.5 seconds`,
    })
  })

  it('reports a refused connection on the token URL', async () => {
    const closed = await startTokenEndpoint(() => tokenAnswer('x'))
    await closed.close()
    const error = await tokenError(requestAccessToken(clientCredentials(closed), TEST_ONLY))
    expect(error).toMatchObject({
      field: 'tokenUrl',
      message: `Connection refused: nothing accepts connections at the token endpoint localhost:${closed.port}`,
    })
  })

  it('refuses http: and private addresses unless allowPrivateHosts, before connecting', async () => {
    const http = await tokenError(requestAccessToken(clientCredentials(endpoint, { tokenUrl: endpoint.url.replace('https:', 'http:') })))
    expect(http).toMatchObject({ field: 'tokenUrl', message: 'The token URL must start with https://' })
    const loopback = await tokenError(requestAccessToken(clientCredentials(endpoint), { allowPrivateHosts: false }))
    expect(loopback).toMatchObject({
      field: 'tokenUrl',
      message: 'Token endpoint: This host resolves to a private network address; sending to internal networks is not allowed',
    })
    const literal = await tokenError(requestAccessToken(clientCredentials(endpoint, { tokenUrl: 'https://169.254.169.254/token' })))
    expect(literal).toMatchObject({
      field: 'tokenUrl',
      message: 'Token endpoint: This is a private network address; sending to internal networks is not allowed',
    })
    expect(endpoint.calls).toHaveLength(0)
  })

  it('asks for the missing fields before any request', async () => {
    await expect(tokenError(requestAccessToken(clientCredentials(endpoint, { clientSecret: ' ' }), TEST_ONLY))).resolves.toMatchObject({
      field: 'clientSecret',
      message: 'Enter the client secret',
    })
    await expect(tokenError(requestAccessToken(clientCredentials(endpoint, { tokenUrl: 'login.microsoftonline.com' }), TEST_ONLY))).resolves.toMatchObject({
      field: 'tokenUrl',
    })
    expect(endpoint.calls).toHaveLength(0)
  })
})

describe('certificates of the token endpoint', () => {
  it('refuses an untrusted (self-signed) certificate', async () => {
    const endpoint = await startTokenEndpoint(() => tokenAnswer('x'), loadTestCa().untrusted)
    try {
      const error = await tokenError(requestAccessToken(clientCredentials(endpoint), TEST_ONLY))
      expect(error).toMatchObject({
        field: 'tokenUrl',
        message: `The certificate of the token endpoint localhost:${endpoint.port} is not trusted (self-signed or issued by an unknown authority)`,
      })
      expect(endpoint.calls).toHaveLength(0)
    } finally {
      await endpoint.close()
    }
  })

  it('checks the certificate against the host name of the URL, not the address dialled', async () => {
    const endpoint = await startTokenEndpoint(() => tokenAnswer('x'), loadTestCa().wrongName)
    try {
      const error = await tokenError(requestAccessToken(clientCredentials(endpoint), TEST_ONLY))
      expect(error).toMatchObject({ field: 'tokenUrl', message: `The certificate of the token endpoint is not valid for localhost:${endpoint.port}` })
    } finally {
      await endpoint.close()
    }
  })
})

describe('Google service account (JWT bearer grant)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  let endpoint: TTokenEndpoint
  let request: TServiceAccountRequest
  beforeAll(async () => {
    endpoint = await startTokenEndpoint(() => tokenAnswer('google-token'))
    request = {
      kind: 'google-service-account',
      serviceAccountKey: { client_email: 'mailer@project.iam.gserviceaccount.com', private_key: privateKey, private_key_id: 'key-7', token_uri: endpoint.url },
      user: 'noreply@example.com',
    }
  })
  afterAll(() => endpoint.close())
  afterEach(() => {
    endpoint.calls.length = 0
  })

  it('signs an RS256 assertion the endpoint verifies with the public key, and gets a token', async () => {
    endpoint.answer(async ({ params }) => {
      const assertion = params.get('assertion') ?? ''
      const { payload } = await jwtVerify(assertion, createPublicKey(publicKey), {
        algorithms: ['RS256'],
        issuer: 'mailer@project.iam.gserviceaccount.com',
        subject: 'noreply@example.com',
        audience: endpoint.url,
      })
      const valid =
        params.get('grant_type') === 'urn:ietf:params:oauth:grant-type:jwt-bearer' &&
        payload.scope === 'https://mail.google.com/' &&
        payload.exp === (payload.iat ?? 0) + 3600
      return valid && decodeProtectedHeader(assertion).kid === 'key-7' ? tokenAnswer('google-token') : { status: 400, json: { error: 'invalid_grant' } }
    })
    const token = await requestAccessToken(request, TEST_ONLY)
    expect(token.accessToken).toBe('google-token')
    expect([...endpoint.calls[0].params.keys()].sort()).toEqual(['assertion', 'grant_type'])
  })

  it('puts invalid_grant (unknown user or no delegation) on the username, without key or assertion', async () => {
    endpoint.answer(({ params }) => ({
      status: 400,
      json: { error: 'invalid_grant', error_description: `Invalid email or User ID; assertion ${params.get('assertion')}` },
    }))
    const error = await tokenError(requestAccessToken(request, TEST_ONLY))
    expect(error).toMatchObject({ field: 'username', oauthError: 'invalid_grant' })
    const assertion = endpoint.calls[0].params.get('assertion') ?? ''
    expectNoLeak(error, assertion, privateKey, privateKey.split('\n')[1])
  })

  it('puts unauthorized_client (domain-wide delegation missing) on the service account key', async () => {
    endpoint.answer(() => ({
      status: 401,
      json: {
        error: 'unauthorized_client',
        error_description: 'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
      },
    }))
    const error = await tokenError(requestAccessToken(request, TEST_ONLY))
    expect(error).toMatchObject({ field: 'serviceAccountKey', oauthError: 'unauthorized_client' })
    expect(error.message).toContain('domain-wide delegation is missing')
  })

  it('refuses a key that is not an RSA private key, before any request', async () => {
    const broken = {
      ...request,
      serviceAccountKey: { ...request.serviceAccountKey, private_key: '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----' },
    }
    const error = await tokenError(requestAccessToken(broken, TEST_ONLY))
    expect(error).toMatchObject({ field: 'serviceAccountKey' })
    expect(endpoint.calls).toHaveLength(0)
  })
})

describe('token cache', () => {
  let endpoint: TTokenEndpoint
  let issued = 0
  let expiresIn = 3599
  beforeAll(async () => {
    endpoint = await startTokenEndpoint(() => tokenAnswer(`token-${++issued}`, expiresIn))
  })
  afterAll(() => endpoint.close())
  afterEach(() => {
    clearAccessTokens()
    endpoint.calls.length = 0
    expiresIn = 3599
    endpoint.answer(() => tokenAnswer(`token-${++issued}`, expiresIn))
  })

  it('reuses a token without asking the endpoint again', async () => {
    const first = await getAccessToken('org-1', clientCredentials(endpoint), TEST_ONLY)
    const second = await getAccessToken('org-1', clientCredentials(endpoint), TEST_ONLY)
    expect(second).toEqual(first)
    expect(endpoint.calls).toHaveLength(1)
  })

  it('fetches again when the token expires within 5 minutes', async () => {
    expiresIn = 240
    const first = await getAccessToken('org-1', clientCredentials(endpoint), TEST_ONLY)
    const second = await getAccessToken('org-1', clientCredentials(endpoint), TEST_ONLY)
    expect(second.accessToken).not.toBe(first.accessToken)
    expect(endpoint.calls).toHaveLength(2)
  })

  it('fetches again after invalidation (a 535 with a cached token), once for callers refused at once', async () => {
    const first = await getAccessToken('org-1', clientCredentials(endpoint), TEST_ONLY)
    invalidateAccessToken('org-1', first.accessToken)
    const second = await getAccessToken('org-1', clientCredentials(endpoint), TEST_ONLY)
    expect(second.accessToken).not.toBe(first.accessToken)
    // a second caller refused with the old token leaves the new one alone
    invalidateAccessToken('org-1', first.accessToken)
    await expect(getAccessToken('org-1', clientCredentials(endpoint), TEST_ONLY)).resolves.toEqual(second)
    invalidateAccessToken('org-1')
    await getAccessToken('org-1', clientCredentials(endpoint), TEST_ONLY)
    expect(endpoint.calls).toHaveLength(3)
  })

  it('shares one request among concurrent callers', async () => {
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    endpoint.answer(async () => {
      await gate
      return tokenAnswer('shared')
    })
    const callers = Array.from({ length: 5 }, () => getAccessToken('org-1', clientCredentials(endpoint), TEST_ONLY))
    release()
    const tokens = await Promise.all(callers)
    expect(tokens.map((token) => token.accessToken)).toEqual(Array(5).fill('shared'))
    expect(endpoint.calls).toHaveLength(1)
  })

  it('keeps organizations apart and asks again when the credentials change', async () => {
    await getAccessToken('org-1', clientCredentials(endpoint), TEST_ONLY)
    await getAccessToken('org-2', clientCredentials(endpoint), TEST_ONLY)
    await getAccessToken('org-1', clientCredentials(endpoint, { clientSecret: 'a-new-secret-value' }), TEST_ONLY)
    expect(endpoint.calls).toHaveLength(3)
  })

  it('does not cache a failure', async () => {
    endpoint.answer(() => ({ status: 401, json: { error: 'invalid_client' } }))
    await tokenError(getAccessToken('org-1', clientCredentials(endpoint), TEST_ONLY))
    endpoint.answer(() => tokenAnswer('after-fix'))
    await expect(getAccessToken('org-1', clientCredentials(endpoint), TEST_ONLY)).resolves.toMatchObject({ accessToken: 'after-fix' })
  })
})

describe('redactSecrets', () => {
  it('removes a secret, its base64 and base64url forms, and JWT-shaped strings', () => {
    const secret = 'p>?s~secret'
    const text = `${secret} ${Buffer.from(secret).toString('base64')} ${Buffer.from(secret).toString('base64url')} eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln`
    expect(redactSecrets(text, [secret])).toBe('*** *** *** ***')
  })
})
