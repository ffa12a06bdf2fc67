// Every list the Management API publishes (its schema, its OpenAPI document) is the database's own enum: a value the
// schema gains is listed and accepted by the API with no second copy to forget.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ZDeliveriesQuery } from '@/lib/management-api/api-schema'
import { buildOpenApiDocument } from '@/lib/management-api/openapi'

/** The values of each enum of prisma/schema.prisma, read from the schema file itself. */
function databaseEnums(): Record<string, string[]> {
  const schema = readFileSync('prisma/schema.prisma', 'utf8')
  const enums: Record<string, string[]> = {}
  for (const [, name, body] of schema.matchAll(/^enum (\w+) \{([^}]*)\}/gm)) {
    enums[name!] = body!
      .split('\n')
      .map((line) => line.trim().split(/\s+/)[0]!)
      .filter((value) => value !== '' && !value.startsWith('//') && !value.startsWith('@@'))
  }
  return enums
}

const STRUCTURE = new Set(['properties', 'items', 'oneOf', 'anyOf', 'allOf', 'schema'])

/** Every `enum` list of the document's components, keyed `Component.property`. */
function documentEnums(document: { components: { schemas: Record<string, unknown> } }): Record<string, Set<string>> {
  const found: Record<string, Set<string>> = {}
  const walk = (node: unknown, key: string): void => {
    if (Array.isArray(node)) return node.forEach((item) => walk(item, key))
    if (!node || typeof node !== 'object') return
    for (const [name, value] of Object.entries(node)) {
      if (name === 'enum' && Array.isArray(value)) (found[key] ??= new Set()).add(JSON.stringify(value))
      else if (name === 'const' && typeof value === 'string') (found[key] ??= new Set()).add(JSON.stringify([value]))
      else walk(value, STRUCTURE.has(name) ? key : `${key.split('.')[0]}.${name}`)
    }
  }
  for (const [component, schema] of Object.entries(document.components.schemas)) walk(schema, component)
  return found
}

const ENUM_AT: Record<string, string> = {
  'DeliveriesPage.status': 'OutboxStatus',
  'DeliveriesPage.kind': 'OutboxKind',
  'ProviderResponse.authKind': 'AuthKind',
  'ProviderResponse.preset': 'ProviderPreset',
  'ProviderResponse.security': 'ConnectionSecurity',
  'EmailProviderSettings.authKind': 'AuthKind',
  'EmailProviderSettings.preset': 'ProviderPreset',
  'EmailProviderSettings.security': 'ConnectionSecurity',
}

describe('the Management API lists the database enums', () => {
  const database = databaseEnums()
  const listed = documentEnums(buildOpenApiDocument('https://console.example.com') as never)

  it.each(Object.entries(ENUM_AT))('%s in the OpenAPI document is exactly the %s enum', (property, enumName) => {
    expect(database[enumName], `enum ${enumName} in prisma/schema.prisma`).toBeDefined()
    expect(listed[property], `an enum for ${property} in the document`).toBeDefined()
    // a form branch lists only its own authKind: every list is the enum or one of its values
    const values = [...listed[property]!].map((list) => JSON.parse(list) as string[])
    const isBranchLiteral = values.every((list) => list.length === 1)
    if (isBranchLiteral) expect(values.flat().sort()).toEqual([...database[enumName]!].sort())
    else for (const list of values) expect(list).toEqual(database[enumName])
  })

  it('the deliveries filter takes every outbox status', () => {
    for (const status of database.OutboxStatus!) expect(ZDeliveriesQuery.safeParse({ status }).success, status).toBe(true)
    expect(ZDeliveriesQuery.safeParse({ status: 'lost' }).success).toBe(false)
  })
})
