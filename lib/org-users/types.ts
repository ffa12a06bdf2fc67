/** The outcome of using an emailed link: it worked, or it is unknown, used or expired (never which). */
export type TLinkResult = { ok: true } | { ok: false; reason: 'invalid-link' }

/** Verifying: the link's outcome, or a password that is not the one chosen at sign-up (the link is left unused). */
export type TVerifyResult = TLinkResult | { ok: false; reason: 'wrong-password' }
