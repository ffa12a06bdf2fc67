// Input of the sender domain check that a form can share with the server (zod/mini: client-safe).
import { z } from 'zod/mini'

/** A DKIM selector as a provider hands it out: one or more DNS labels, such as s1 or 20240101pm. */
export const ZDkimSelector = z
  .string()
  .check(
    z.trim(),
    z.maxLength(200, 'A DKIM selector is at most 200 characters'),
    z.regex(
      /^[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*$/i,
      'Enter the selector only, such as s1 (not the whole ._domainkey name)',
    ),
  )
