// Shared by the SMTP and token error classifiers (kept apart so neither imports the other).

/** SmtpHostError reasons that no retry can fix. */
export const REFUSED_HOST_REASONS: ReadonlySet<string> = new Set(['invalid', 'non-canonical', 'metadata', 'internal', 'reserved'])
