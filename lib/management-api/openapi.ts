// The Management API's OpenAPI 3.1 document, built from the same zod schemas the console and the API validate with.
import { z } from 'zod/mini'
import { ZEmailProviderForm, ZTestEmailRequest } from '@/lib/email-provider/schema'
import { ZDeliveriesPage, ZDeliveriesQuery, ZProblem, ZProviderResponse, ZRevertBody, ZTestEmailResult } from './api-schema'
import { BLANK_WHEN_ABSENT, OFF_WHEN_ABSENT } from './provider-body'

type TJsonSchema = Record<string, unknown>

const jsonSchema = (schema: z.core.$ZodType, io: 'input' | 'output' = 'output'): TJsonSchema => {
  // each schema is embedded in the document, whose dialect OpenAPI 3.1 already fixes
  const embedded = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as TJsonSchema
  delete embedded.$schema
  return embedded
}

// The form's schema as the API takes it: optional blanks may be left out, the port may be a number, the version may
// come in If-Match instead.
function providerSettingsSchema(): TJsonSchema {
  const union = jsonSchema(ZEmailProviderForm, 'input') as { oneOf: Array<{ required: string[]; properties: Record<string, TJsonSchema> }> }
  const optional = new Set<string>([...BLANK_WHEN_ABSENT, ...OFF_WHEN_ABSENT, 'version'])
  for (const branch of union.oneOf) {
    branch.required = branch.required.filter((field) => !optional.has(field))
    branch.properties.port = { anyOf: [{ type: 'integer', minimum: 1, maximum: 65535 }, branch.properties.port], description: 'e.g. 587 or "587"' }
    branch.properties.version = { ...branch.properties.version, description: 'the version you read; or send If-Match: "<version>"' }
  }
  return { ...union, description: 'The Email Provider form: one branch per authKind. A blank or absent secret keeps the saved one.' }
}

const PROVIDER_EXAMPLE = {
  provider: {
    preset: 'custom',
    host: 'smtp.example.com',
    port: 587,
    security: 'auto',
    authKind: 'password',
    username: 'mailer',
    tenantId: null,
    tokenUrl: null,
    clientId: null,
    scope: null,
    clientSecretExpiresAt: null,
    serviceAccountEmail: null,
    fromAddress: 'no-reply@example.com',
    replyTo: 'support@example.com',
    displayName: 'Example',
    dkimSelector: null,
    useDefaultOnFailure: false,
    hasPassword: true,
    hasSecret: true,
    updatedAt: '2026-11-27T17:20:00.000Z',
    updatedBy: 'api-key:terraform',
  },
  version: 3,
}

const SETTINGS_EXAMPLE = {
  preset: 'custom',
  host: 'smtp.example.com',
  port: 587,
  security: 'auto',
  authKind: 'password',
  username: 'mailer',
  password: 'app-password',
  fromAddress: 'no-reply@example.com',
  replyTo: 'support@example.com',
  displayName: 'Example',
}

const problemExample = (status: number, title: string, detail: string, errors?: Record<string, string>) => ({
  'application/problem+json': {
    schema: { $ref: '#/components/schemas/Problem' },
    example: { type: 'about:blank', title, status, detail, ...(errors ? { code: 'invalid-input', errors } : {}) },
  },
})

const json = (ref: string, example: unknown) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` }, example } })

const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': { description: 'requests allowed per key per window', schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'requests left in the window', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'seconds until the window resets', schema: { type: 'integer' } },
}

const COMMON_ERRORS = {
  '401': {
    description: 'Missing, unknown or revoked key',
    content: problemExample(401, 'Unauthorized', 'Send a valid, unrevoked API key of the organization'),
  },
  '429': {
    description: 'Too many requests with this key',
    headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } },
    content: problemExample(429, 'Too Many Requests', 'This key made 300 requests in a minute. Retry after 12 seconds.'),
  },
}

const WRITE_ERRORS = {
  ...COMMON_ERRORS,
  '403': { description: 'The key is read only', content: problemExample(403, 'Forbidden', 'This API key is read only') },
}

const ok = (description: string, content: unknown, headers: object = {}) => ({ description, headers: { ...RATE_LIMIT_HEADERS, ...headers }, content })

const ETAG = { ETag: { description: 'the version, for If-Match', schema: { type: 'string' } } }

/** The OpenAPI 3.1 document served at /api/v1/openapi.json. */
export function buildOpenApiDocument(serverUrl: string) {
  const recipient = jsonSchema(ZTestEmailRequest.shape.recipient, 'input')
  const query = ZDeliveriesQuery.shape
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mailgate Management API',
      version: '1.0.0',
      description:
        'The organization’s email provider as code. Authenticate with an API key of the organization (API keys in the console): `Authorization: Bearer mg_live_…`. Errors are RFC 9457 problem details; `errors` names each invalid field with the console’s words.',
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    paths: {
      '/api/v1/email-provider': {
        get: {
          operationId: 'getEmailProvider',
          summary: 'The email provider as the console shows it (never a secret); provider is null while the default is used',
          responses: {
            '200': ok('The provider and its version', json('ProviderResponse', PROVIDER_EXAMPLE), ETAG),
            ...COMMON_ERRORS,
          },
        },
        put: {
          operationId: 'updateEmailProvider',
          summary: 'Update: the console’s schema and rules (a blank secret keeps the saved one; changing the server requires it again)',
          parameters: [
            {
              name: 'If-Match',
              in: 'header',
              required: false,
              description: 'the version you read, e.g. "3" (or send a version field)',
              schema: { type: 'string' },
            },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/EmailProviderSettings' }, example: SETTINGS_EXAMPLE } },
          },
          responses: {
            '200': ok('Saved: the provider and its new version', json('ProviderResponse', PROVIDER_EXAMPLE), ETAG),
            '400': {
              description: 'Invalid input',
              content: problemExample(400, 'Bad Request', 'Please correct the fields named in errors.', {
                port: 'Port must be a whole number from 1 to 65535',
              }),
            },
            '409': {
              description: 'Someone else saved since that version',
              content: problemExample(409, 'Conflict', 'These settings were changed by someone else…'),
            },
            '428': { description: 'No version was sent', content: problemExample(428, 'Precondition Required', 'Send the version you read') },
            ...WRITE_ERRORS,
          },
        },
        delete: {
          operationId: 'revertEmailProvider',
          summary: 'Revert to the platform’s default provider (deletes the custom settings and their secret)',
          parameters: [
            {
              name: 'If-Match',
              in: 'header',
              required: false,
              description: 'the version you read; without it the current one is reverted',
              schema: { type: 'string' },
            },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/RevertRequest' }, example: { confirm: true } } },
          },
          responses: {
            '200': ok('Reverted', json('ProviderResponse', { provider: null, version: 4 }), ETAG),
            '400': {
              description: 'Not confirmed',
              content: problemExample(400, 'Bad Request', 'Please correct the fields named in errors.', { confirm: 'Send {"confirm": true}' }),
            },
            '409': {
              description: 'A newer version exists, or nothing to revert',
              content: problemExample(409, 'Conflict', 'There is no custom provider to revert…'),
            },
            ...WRITE_ERRORS,
          },
        },
      },
      '/api/v1/email-provider/test': {
        post: {
          operationId: 'sendTestEmail',
          summary: 'Send test email with unsaved settings (or the saved ones): the outcome and the SMTP conversation step by step',
          description:
            'Answers within about 15 seconds (TEST_EMAIL_DEADLINE_MS): a server still talking by then is cut off, and the step it was on fails with `ok: false`.',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/TestEmailRequest' },
                example: { recipient: 'you@example.com', settings: SETTINGS_EXAMPLE },
              },
            },
          },
          responses: {
            '200': ok(
              'The test ran: ok says whether the server accepted it',
              json('TestEmailResult', {
                ok: true,
                recipient: 'you@example.com',
                reply: '250 2.0.0 Ok: queued',
                durationMs: 412,
                steps: [{ stage: 'connect', status: 'ok', detail: 'Connected to smtp.example.com:587' }],
              }),
            ),
            '400': {
              description: 'Invalid input',
              content: problemExample(400, 'Bad Request', 'Please correct the fields named in errors.', {
                recipient: 'Enter a valid email address, like you@example.com',
              }),
            },
            ...WRITE_ERRORS,
          },
        },
      },
      '/api/v1/deliveries': {
        get: {
          operationId: 'listDeliveries',
          summary: 'Recent deliveries, newest first, paged by cursor',
          parameters: [
            { name: 'status', in: 'query', required: false, schema: jsonSchema(query.status, 'input') },
            { name: 'limit', in: 'query', required: false, description: '1 to 100, default 20', schema: jsonSchema(query.limit, 'input') },
            { name: 'cursor', in: 'query', required: false, description: 'the nextCursor of the previous page', schema: jsonSchema(query.cursor, 'input') },
          ],
          responses: {
            '200': ok(
              'One page',
              json('DeliveriesPage', {
                deliveries: [
                  {
                    id: '0b6c…',
                    kind: 'verify',
                    toAddress: 'user@example.com',
                    status: 'sent',
                    attempts: 1,
                    provider: 'custom smtp.example.com:587',
                    lastError: null,
                    createdAt: '2026-11-27T17:20:00.000Z',
                    sentAt: '2026-11-27T17:20:01.000Z',
                  },
                ],
                nextCursor: null,
              }),
            ),
            '400': {
              description: 'Invalid query',
              content: problemExample(400, 'Bad Request', 'Please correct the fields named in errors.', {
                limit: 'limit must be a whole number from 1 to 100',
              }),
            },
            ...COMMON_ERRORS,
          },
        },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key of the organization: mg_live_…' } },
      schemas: {
        EmailProviderSettings: providerSettingsSchema(),
        TestEmailRequest: {
          type: 'object',
          properties: {
            recipient,
            settings: { $ref: '#/components/schemas/EmailProviderSettings', description: 'unsaved settings; absent: the saved provider' },
          },
          required: ['recipient'],
        },
        RevertRequest: jsonSchema(ZRevertBody, 'input'),
        ProviderResponse: jsonSchema(ZProviderResponse),
        TestEmailResult: jsonSchema(ZTestEmailResult),
        DeliveriesPage: jsonSchema(ZDeliveriesPage),
        Problem: jsonSchema(ZProblem),
      },
    },
  }
}
