// The one place that reads process.env: every setting is validated here once, with messages that say how to fix it.
import { z } from 'zod'
import { isBase64Key } from '@/lib/crypto/secret-box'

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value)

const ZBase64Key = z
  .string()
  .refine(isBase64Key, {
    message: 'must be 32 random bytes, base64-encoded (generate one with: openssl rand -base64 32)',
  })

const ZEnv = z.object({
  NEXT_PHASE: z.string().optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://console.example.com' }).optional()),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  // Where the embedded database lives (default: DATA_DIR/pglite); 'memory://' for a throwaway one.
  PGLITE_DIR: z.preprocess(emptyAsUndefined, z.string().optional()),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgresql:// (leave it unset to use the embedded database)').optional(),
  ),
  ENCRYPTION_KEY: z.preprocess(emptyAsUndefined, ZBase64Key.optional()),
  ENCRYPTION_KEY_PREVIOUS: z.preprocess(emptyAsUndefined, ZBase64Key.optional()),
  DEFAULT_SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^smtps?$/, message: 'must look like smtp://user:pass@host:587 or smtps://user:pass@host:465' }).optional(),
  ),
  DEFAULT_MAIL_FROM: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^\s*(?:[^<>]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)\s*$/, 'must be an address, optionally with a name: Console <no-reply@example.com>')
      .default('Console <no-reply@localhost>'),
  ),
  SMTP_ALLOW_PRIVATE_HOSTS: z.preprocess(
    emptyAsUndefined,
    z.enum(['true', 'false'], { message: 'must be true or false' }).default('false').transform((value) => value === 'true'),
  ),
  // Scales every per-IP rate limit (tests that sign up many admins from one address raise it).
  RATE_LIMIT_IP_MULTIPLIER: z.coerce.number().int().min(1).max(10_000).default(1),
  // How often the delivery worker looks for due messages when idle (milliseconds).
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  // First retry delay after a transient failure; doubles per attempt (capped at an hour) for about 24 hours.
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  // How long a claimed message is reserved for the process that claimed it; after that another one may take it.
  OUTBOX_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(300_000),
})

export type TEnv = z.infer<typeof ZEnv> & { APP_URL: string }

function parseEnv(source: NodeJS.ProcessEnv): TEnv {
  const result = ZEnv.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const parsed = result.data
  if (parsed.DATABASE_URL && !parsed.ENCRYPTION_KEY) {
    throw new Error('Invalid configuration:\n  ENCRYPTION_KEY: is required with DATABASE_URL (all instances must share it; generate one with: openssl rand -base64 32)')
  }
  const appUrl = (parsed.APP_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, '')
  return { ...parsed, APP_URL: appUrl }
}

export const env: TEnv = parseEnv(process.env)
export { parseEnv }
