// The shape every Server Action returns: field errors land on the fields, `message` is for the form as a whole.
export type TFieldErrors = Record<string, string>

/**
 * `code` names failures a form reacts to specially: Reload on a concurrent edit (`conflict`); the Confirm it's you
 * dialog, then the same request again, when the change needs a recent sign-in (`step-up-required`, with `stepUp`).
 */
export type TActionFailure = {
  ok: false
  message?: string
  fieldErrors?: TFieldErrors
  code?: 'conflict' | 'step-up-required'
  stepUp?: { isCodeRequired: boolean }
}
export type TActionResult<TSuccess extends object = object> = ({ ok: true } & TSuccess) | TActionFailure

type TIssue = { path: PropertyKey[]; message: string }

/** The summary above a form whose fields have mistakes, whether the browser or the server found them. */
export const INVALID_INPUT = 'Please correct the highlighted fields.'

/** The first message for each top-level field of a failed zod parse. */
export function toFieldErrors(issues: readonly TIssue[]): TFieldErrors {
  const fieldErrors: TFieldErrors = {}
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form')
    fieldErrors[field] ??= issue.message
  }
  return fieldErrors
}

/** A failure carrying zod's issues as field errors. */
export function invalidInput(issues: readonly TIssue[]): TActionFailure {
  return { ok: false, message: INVALID_INPUT, fieldErrors: toFieldErrors(issues) }
}

const BUSY = 'The server is busy right now.'

/** The answer when the server refuses work for a few seconds (the password-hash queue is full); nothing was wrong. */
export function busyMessage(retryAfterSeconds: number): string {
  return `${BUSY} Please try again in ${retryAfterSeconds} seconds.`
}

/** Whether `text` is busyMessage's (what a refused Server Action's 503 carries to the form). */
export const isBusyMessage = (text: string) => text.startsWith(BUSY)
