// The one place that reads process.env: every setting is validated here once, with messages that say how to fix it.
import { isIP } from 'node:net'
import { z } from 'zod'
import { isBase64Key } from '@/lib/server/crypto/secret-box'

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value)

const ZBase64Key = z.string().refine(isBase64Key, {
  message: 'must be 32 random bytes, base64-encoded (generate one with: openssl rand -base64 32)',
})

const ZWholeNumber = (min: number, max: number, fallback: number) => {
  const message = `must be a whole number from ${min} to ${max}`
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).default(fallback)
}

// Node's resolver takes IP addresses only (no names): 1.1.1.1, 127.0.0.1:5353, 2606:4700::1111, [::1]:5353.
function isDnsServer(entry: string): boolean {
  const bracketed = /^\[([^\]]+)\]:(\d{1,5})$/.exec(entry)
  if (bracketed) return isIP(bracketed[1]) === 6 && isPort(bracketed[2])
  if (isIP(entry) !== 0) return true
  const withPort = /^([^:]+):(\d{1,5})$/.exec(entry)
  return withPort !== null && isIP(withPort[1]) === 4 && isPort(withPort[2])
}

const isPort = (value: string) => Number(value) >= 1 && Number(value) <= 65535

const ZDnsServers = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .refine((entries) => entries.length > 0 && entries.every(isDnsServer), {
    message: 'must be comma-separated IP addresses, each with an optional port: 1.1.1.1,127.0.0.1:5353,[::1]:5353 (leave it unset for the system resolvers)',
  })

// "postmark=http://127.0.0.1:4001,resend=https://localhost:4002" → { postmark: …, resend: … }
function parseApiBaseUrls(value: string): Partial<Record<string, string>> | null {
  const pairs = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => /^([a-z]+)=(https?:\/\/\S+)$/.exec(entry))
  if (pairs.length === 0 || pairs.some((pair) => pair === null || !URL.canParse(pair[2]!))) return null
  return Object.fromEntries(pairs.map((pair) => [pair![1], pair![2]]))
}

const ZApiBaseUrls = z.string().transform((value, context) => {
  const parsed = parseApiBaseUrls(value)
  if (parsed) return parsed
  context.addIssue({ code: 'custom', message: 'must be service=url pairs separated by commas: postmark=http://127.0.0.1:4001,resend=https://localhost:4002' })
  return z.NEVER
})

const ZEnv = z.object({
  NEXT_PHASE: z.string().optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: ZWholeNumber(1, 65535, 3000),
  APP_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://console.example.com' }).optional()),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  // Where the embedded database lives (default: DATA_DIR/pglite); 'memory://' for a throwaway one.
  PGLITE_DIR: z.preprocess(emptyAsUndefined, z.string().optional()),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgresql:// (leave it unset to use the embedded database)')
      .optional(),
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
      .regex(/^\s*(?:[^<>]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)\s*$/, 'must be an address, optionally with a name: Mailgate <no-reply@example.com>')
      .default('Mailgate <no-reply@localhost>'),
  ),
  SMTP_ALLOW_PRIVATE_HOSTS: z.preprocess(
    emptyAsUndefined,
    z
      .enum(['true', 'false'], { message: 'must be true or false' })
      .default('false')
      .transform((value) => value === 'true'),
  ),
  // Tests and local fakes only (needs SMTP_ALLOW_PRIVATE_HOSTS=true): replaces an email API's base URL,
  // postmark=http://127.0.0.1:4001,resend=…
  MAIL_API_BASE_URLS: z.preprocess(emptyAsUndefined, ZApiBaseUrls.optional()),
  // With DATABASE_URL (a real deployment) and no DEFAULT_SMTP_URL: capture emails instead of sending them, on purpose.
  MAIL_CAPTURE: z.preprocess(
    emptyAsUndefined,
    z
      .enum(['true', 'false'], { message: 'must be true or false' })
      .default('false')
      .transform((value) => value === 'true'),
  ),
  // Scales every per-IP rate limit (tests that sign up many admins from one address raise it).
  RATE_LIMIT_IP_MULTIPLIER: ZWholeNumber(1, 10_000, 1),
  // Reverse proxies in front that append to X-Forwarded-For; 0 = take the client address from the connection.
  TRUSTED_PROXY_HOPS: ZWholeNumber(0, 10, 0),
  // Set by scripts/start.mjs for the process it serves (never by hand): the mark proxy.ts believes X-Client-IP by.
  MAILGATE_FRONT_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(32).optional()),
  // How often the delivery worker looks for due messages when idle (milliseconds).
  OUTBOX_POLL_MS: ZWholeNumber(10, 60_000, 1000),
  // First retry delay after a transient failure; doubles per attempt (capped at an hour) for about 24 hours.
  OUTBOX_RETRY_BASE_MS: ZWholeNumber(10, 3_600_000, 30_000),
  // How long a claimed message is reserved for the process that claimed it; after that another one may take it.
  OUTBOX_LEASE_MS: ZWholeNumber(1000, 3_600_000, 300_000),
  // Hard limit on one delivery attempt (connect, sign in, send): a server that keeps a session alive by trickling
  // replies is cut off here. Must stay well below the lease.
  OUTBOX_SEND_DEADLINE_MS: ZWholeNumber(500, 600_000, 60_000),
  // Hard limit on "Send test email" (the dialog and the API): above the ~10 s every ordinary failure is reported in.
  TEST_EMAIL_DEADLINE_MS: ZWholeNumber(500, 120_000, 15_000),
  // An organization's provider failing this long (milliseconds) alerts its owners and admins, once per incident.
  OUTBOX_ALERT_AFTER_MS: ZWholeNumber(0, 86_400_000, 300_000),
  // With the opt-in fallback, a message the organization's server could not send for this long goes through the default.
  OUTBOX_FALLBACK_AFTER_MS: ZWholeNumber(0, 86_400_000, 600_000),
  // Sent and failed outbox rows and used or expired user tokens are deleted after this many days (captured emails after 7).
  OUTBOX_RETENTION_DAYS: ZWholeNumber(1, 3650, 30),
  // DNS servers for the sender domain check (SPF, DKIM, DMARC); unset = the system's resolvers.
  DNS_SERVERS: z.preprocess(emptyAsUndefined, ZDnsServers.optional()),
  // Log lines below this level are dropped (pino levels).
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be one of fatal, error, warn, info, debug, trace, silent' })
    .default('info'),
  // Enables GET /api/metrics (Prometheus text) for requests bearing this token; unset = 404.
  METRICS_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, 'must be at least 16 characters (e.g. openssl rand -hex 24)').optional()),
})

export type TEnv = z.infer<typeof ZEnv> & { APP_URL: string }

function parseEnv(source: Record<string, string | undefined>): TEnv {
  const result = ZEnv.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const parsed = result.data
  if (parsed.OUTBOX_SEND_DEADLINE_MS * 2 > parsed.OUTBOX_LEASE_MS) {
    throw new Error('Invalid configuration:\n  OUTBOX_SEND_DEADLINE_MS: must be at most half of OUTBOX_LEASE_MS (a claim must outlast its sends)')
  }
  if (parsed.MAIL_API_BASE_URLS && !parsed.SMTP_ALLOW_PRIVATE_HOSTS) {
    throw new Error('Invalid configuration:\n  MAIL_API_BASE_URLS: is for tests and local fakes only, and needs SMTP_ALLOW_PRIVATE_HOSTS=true')
  }
  const appUrl = (parsed.APP_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, '')
  const refusals = parsed.DATABASE_URL ? deploymentRefusals(parsed, appUrl) : []
  if (refusals.length > 0) throw new Error(`Invalid configuration:\n${refusals.map((line) => `  ${line}`).join('\n')}`)
  return { ...parsed, APP_URL: appUrl }
}

const isLoopbackHost = (host: string) =>
  host === 'localhost' || host.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '[::1]'

// DATABASE_URL means a real deployment: what is tolerable on a developer's machine is refused there.
function deploymentRefusals(parsed: z.infer<typeof ZEnv>, appUrl: string): string[] {
  const refusals: string[] = []
  if (!parsed.ENCRYPTION_KEY) {
    refusals.push('ENCRYPTION_KEY: is required with DATABASE_URL (all instances must share it; generate one with: openssl rand -base64 32)')
  }
  const url = new URL(appUrl)
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    refusals.push(`APP_URL: must be https with DATABASE_URL (sessions and emailed links would travel in clear text): https://${url.host}`)
  }
  if (!parsed.DEFAULT_SMTP_URL && !parsed.MAIL_CAPTURE) {
    refusals.push('DEFAULT_SMTP_URL: is required with DATABASE_URL (set MAIL_CAPTURE=true to capture emails instead of sending them, on purpose)')
  }
  return refusals
}

export const env: TEnv = parseEnv(process.env)
export { parseEnv }
