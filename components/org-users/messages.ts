// Texts shared by the organization's public forms.

/** When the request itself failed (network, server error): nothing the user typed was wrong. */
export const SUBMIT_FAILED = 'We could not send your request. Please try again in a moment.'
