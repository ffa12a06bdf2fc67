// What services return: a code (and the field it concerns), never the words users read. Actions choose the words.

/** A failure a user can act on: `code` names it, `field` is the form field it concerns (if any). */
export type TDomainFailure<TCode extends string> = { ok: false; code: TCode; field?: string }

export type TDomainResult<TSuccess extends object, TCode extends string> = ({ ok: true } & TSuccess) | TDomainFailure<TCode>

/** Shorthand for a failure with an optional field. */
export function failure<TCode extends string>(code: TCode, field?: string): TDomainFailure<TCode> {
  return field ? { ok: false, code, field } : { ok: false, code }
}
