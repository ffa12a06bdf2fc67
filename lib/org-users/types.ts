/** The outcome of using an emailed link: it worked, or it is unknown, used or expired (never which). */
export type TLinkResult = { ok: true } | { ok: false; reason: 'invalid-link' }

/** Verifying: the link's outcome, or a password that is not the one chosen at sign-up (the link is left unused). */
export type TVerifyResult = TLinkResult | { ok: false; reason: 'wrong-password' }

/** Signing in: a new session's cookie token, or why not (an unknown address and a wrong password are one reason). */
export type TSignInResult = { ok: true; token: string; expiresAt: Date } | { ok: false; reason: 'bad-credentials' | 'unverified' }
