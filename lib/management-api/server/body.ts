import 'server-only'
import { invalidFields, problem } from './problem'

// Every body this API takes is a small JSON object (a service account key, the largest field, is at most 20,000 characters).
const MAX_BODY_BYTES = 64 * 1024

import type { TJsonObject } from '@/lib/management-api/provider-body'

/** The request's JSON object body, or the problem to answer (415, 413, 400): never an exception. */
export async function readJsonObject(
  request: Request,
  { isOptional = false } = {},
): Promise<{ ok: true; body: TJsonObject } | { ok: false; response: Response }> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > MAX_BODY_BYTES) return { ok: false, response: problem(413, { detail: `Bodies are at most ${MAX_BODY_BYTES} bytes` }) }
  const text = await readTextUpTo(request, MAX_BODY_BYTES)
  if (text === null) return { ok: false, response: problem(413, { detail: `Bodies are at most ${MAX_BODY_BYTES} bytes` }) }
  if (text.trim() === '' && isOptional) return { ok: true, body: {} }
  const type = request.headers.get('content-type') ?? ''
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type))
    return { ok: false, response: problem(415, { detail: 'Send the body as JSON with Content-Type: application/json' }) }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return { ok: false, response: invalidFields({ body: 'The body is not valid JSON' }) }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, response: invalidFields({ body: 'The body must be a JSON object' }) }
  return { ok: true, body: body as TJsonObject }
}

/**
 * The body as text, read chunk by chunk and given up (the stream cancelled) as soon as it passes `maxBytes`: a chunked
 * body without Content-Length is never held whole. Null when it is too large.
 */
async function readTextUpTo(request: Request, maxBytes: number): Promise<string | null> {
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined)
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * The version a write is made against: `If-Match` (an entity tag such as `"3"`, or a bare 3) wins over a `version`
 * field. `invalid` when If-Match is not a version, undefined when neither was sent.
 */
export function expectedVersion(request: Request, field: unknown): number | 'invalid' | undefined {
  const ifMatch = request.headers.get('if-match')
  if (ifMatch === null) return field === undefined ? undefined : typeof field === 'number' ? field : 'invalid'
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch)
  return match ? Number(match[1]) : 'invalid'
}
