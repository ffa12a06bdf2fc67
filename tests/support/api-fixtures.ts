// Management API calls as a client makes them: real Request objects into the route handlers, with real API keys.
import { getPrisma } from '@/lib/server/db'
import { createApiKey } from '@/lib/api-keys/server/store'
import type { TApiKeyAccess } from '@/lib/api-keys/schema'
import { createOrganizationWithOwner } from '@/lib/orgs/server/store'
import { createAdmin, uniqueTag } from './data-fixtures'

export type THandler = (request: Request) => Promise<Response>

/** Every answer a test received (status, headers and body text), so a test can assert that no secret is in any. */
export const answers: string[] = []

/** A new organization with its owner (who has verified their address unless `ownerVerified` is false). */
export async function newOrgWithOwner({ ownerVerified = true } = {}) {
  const prisma = await getPrisma()
  const admin = await createAdmin(prisma, 'api-owner')
  if (ownerVerified) await prisma.user.update({ where: { id: admin.id }, data: { emailVerified: true } })
  const org = await createOrganizationWithOwner(admin.id, `Api ${uniqueTag()}`)
  return { admin, org }
}

/** A new API key of `orgId` (the key itself, as the dialog shows it once). */
export async function newApiKey(orgId: string, admin: { id: string; email: string }, access: TApiKeyAccess, name = `key-${uniqueTag()}`) {
  const created = await createApiKey(orgId, admin, { name, access })
  return { ...created.view, key: created.key }
}

type TCallOptions = { key?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string>; query?: string }

/** Calls a route handler as an HTTP client would; the answer's JSON (or null) with its status and headers. */
export async function call(handler: THandler, method: string, path: string, options: TCallOptions = {}) {
  const headers = new Headers(options.headers)
  if (options.key) headers.set('Authorization', `Bearer ${options.key}`)
  const hasBody = options.body !== undefined || options.rawBody !== undefined
  if (hasBody && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json')
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
  const response = await handler(new Request(`http://localhost${path}${options.query ?? ''}`, { method, headers, body }))
  const text = await response.text()
  answers.push(`${response.status} ${JSON.stringify([...response.headers])} ${text}`)
  return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as Record<string, any>) : null } // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Records everything written to the console while a test file runs (the "logs"), to assert no secret reaches them. */
export function captureConsole(): string[] {
  const lines: string[] = []
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method].bind(console)
    console[method] = (...args: unknown[]) => {
      lines.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '))
      original(...args)
    }
  }
  return lines
}
