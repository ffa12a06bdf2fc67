// The Management API's OpenAPI 3.1 document (lib/management-api/openapi.ts): valid by a maintained validator, built from the
// console's schemas, and its examples are what the API really takes and answers.
import SwaggerParser from '@apidevtools/swagger-parser'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod/mini'
import { ZDeliveriesPage, ZProblem, ZProviderResponse, ZRevertBody, ZTestEmailResult } from '@/lib/management-api/api-schema'
import { buildOpenApiDocument } from '@/lib/management-api/openapi'
import { asProviderForm } from '@/lib/management-api/provider-body'
import { ZEmailProviderForm, ZTestEmailRequest } from '@/lib/email-provider/schema'

const document = () => buildOpenApiDocument('https://console.example.com')

type TMedia = { schema?: { $ref?: string }; example?: unknown }
type TOperation = { requestBody?: { content: Record<string, TMedia> }; responses: Record<string, { content?: Record<string, TMedia> }> }

const SCHEMAS: Record<string, (example: unknown) => z.core.util.SafeParseResult<unknown>> = {
  ProviderResponse: (example) => ZProviderResponse.safeParse(example),
  DeliveriesPage: (example) => ZDeliveriesPage.safeParse(example),
  TestEmailResult: (example) => ZTestEmailResult.safeParse(example),
  Problem: (example) => ZProblem.safeParse(example),
  RevertRequest: (example) => ZRevertBody.safeParse(example),
  EmailProviderSettings: (example) => ZEmailProviderForm.safeParse(asProviderForm(example as Record<string, unknown>, 0)),
  TestEmailRequest: (example) => {
    const { recipient, settings } = example as { recipient: string; settings: Record<string, unknown> }
    return ZTestEmailRequest.safeParse({ recipient, settings: asProviderForm(settings, 0) })
  },
}

function operations() {
  const paths = document().paths as Record<string, Record<string, TOperation>>
  return Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ name: `${method} ${path}`, operation })))
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document (@apidevtools/swagger-parser)', async () => {
    const validated = await SwaggerParser.validate(structuredClone(document()) as never)
    expect((validated as { openapi?: string }).openapi).toBe('3.1.0')
    // and the validator is strict: a response without its description is refused
    const broken = structuredClone(document()) as unknown as { paths: Record<string, Record<string, TOperation>> }
    delete (broken.paths['/api/v1/deliveries']!.get!.responses['200'] as { description?: string }).description
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow()
  })

  it('describes every endpoint with its operation id', () => {
    expect(operations().map(({ name, operation }) => `${name} ${(operation as { operationId?: string }).operationId}`)).toEqual([
      'get /api/v1/email-provider getEmailProvider',
      'put /api/v1/email-provider updateEmailProvider',
      'delete /api/v1/email-provider revertEmailProvider',
      'post /api/v1/email-provider/test sendTestEmail',
      'get /api/v1/deliveries listDeliveries',
    ])
  })

  it('has examples that the API’s own schemas accept, for every request and answer', () => {
    let checked = 0
    for (const { name, operation } of operations()) {
      const media = [
        ...Object.values(operation.requestBody?.content ?? {}),
        ...Object.values(operation.responses).flatMap((response) => Object.values(response.content ?? {})),
      ]
      for (const { schema, example } of media) {
        const component = schema?.$ref?.split('/').pop() ?? ''
        expect(example, `${name} ${component}`).toBeDefined()
        const result = SCHEMAS[component]!(example)
        expect(result.success, `${name} ${component}: ${JSON.stringify(result.error?.issues)}`).toBe(true)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(20)
  })

  it('takes the Email Provider form from the console’s schema: one branch per authKind, secrets optional, port as number or text', () => {
    const settings = document().components.schemas.EmailProviderSettings as { oneOf: Array<{ properties: Record<string, unknown>; required: string[] }> }
    expect(settings.oneOf.map((branch) => (branch.properties.authKind as { const: string }).const)).toEqual([
      'password',
      'oauth_client_credentials',
      'google_service_account',
      'none',
    ])
    const password = settings.oneOf[0]!
    expect(password.required).toEqual(['preset', 'host', 'port', 'security', 'fromAddress', 'authKind', 'username'])
    expect(password.properties.port).toMatchObject({ anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^\\d{1,5}$' }] })
  })
})
