import 'server-only'
import type { TActionFailure, TFieldErrors } from '@/lib/forms/action-result'

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
}

export type TProblemInit = { detail?: string; code?: string; errors?: TFieldErrors; headers?: HeadersInit }

/** An RFC 9457 problem details answer (`application/problem+json`). */
export function problem(status: number, { detail, code, errors, headers }: TProblemInit = {}): Response {
  const body = {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    ...(code ? { code } : {}),
    ...(errors ? { errors } : {}),
  }
  const response = Response.json(body, { status, headers })
  response.headers.set('Content-Type', 'application/problem+json')
  return response
}

/** A field-level failure: 400 with the console's words on each field. */
export function invalidFields(errors: TFieldErrors, detail = 'Please correct the fields named in errors.'): Response {
  return problem(400, { detail, code: 'invalid-input', errors })
}

/** The answer for a console action failure (the same words): 409 for a concurrent edit, 400 otherwise. */
export function actionFailureProblem(failure: TActionFailure, prefix = ''): Response {
  if (failure.code === 'conflict') return problem(409, { detail: failure.message, code: 'conflict' })
  const errors = failure.fieldErrors ? Object.fromEntries(Object.entries(failure.fieldErrors).map(([field, words]) => [`${prefix}${field}`, words])) : undefined
  return problem(400, { detail: failure.message, code: errors ? 'invalid-input' : 'refused', errors })
}

type TIssue = { path: PropertyKey[]; message: string }

/** The first message for each field of a failed zod parse, nested fields named with dots (`settings.port`). */
export function issuesToErrors(issues: readonly TIssue[]): TFieldErrors {
  const errors: TFieldErrors = {}
  for (const issue of issues) errors[issue.path.length > 0 ? issue.path.map(String).join('.') : 'body'] ??= issue.message
  return errors
}
