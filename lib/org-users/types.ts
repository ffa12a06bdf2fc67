/** The outcome of using an emailed link: it worked, or it is unknown, used or expired (never which). */
export type TLinkResult = { ok: true } | { ok: false; reason: 'invalid-link' }
