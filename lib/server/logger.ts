import pino, { type Logger } from 'pino'
import pretty from 'pino-pretty'
import { env } from '@/lib/env'

// One JSON line per event (pino); human-friendly only when a person watches a terminal. Secrets are redacted by path,
// whatever the call site passes: a test logs each of them on purpose and checks none comes out.

/** Every place a secret may sit in a logged object. */
export const REDACTED_PATHS = [
  'password',
  'pass',
  '*.password',
  '*.pass',
  '*.clientSecret',
  '*.client_secret',
  'clientSecret',
  'secrets',
  '*.secrets',
  'serviceAccountKey',
  '*.serviceAccountKey',
  '*.private_key',
  'accessToken',
  '*.accessToken',
  '*.access_token',
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
  'cookie',
  '*.cookie',
  'headers.cookie',
  'headers.authorization',
  '*.headers.cookie',
  '*.headers.authorization',
  'authorization',
  '*.authorization',
  'auth.pass',
  '*.auth.pass',
  'auth.accessToken',
  '*.auth.accessToken',
]

const holder = globalThis as typeof globalThis & { __logger?: Logger }

/** Creates a logger writing to `destination` (stdout by default; pretty when stdout is a TTY). */
export function createLogger(destination?: pino.DestinationStream): Logger {
  const options = { level: env.LOG_LEVEL, base: { service: 'mailgate' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }
  if (destination) return pino(options, destination)
  return process.stdout.isTTY ? pino(options, pretty({ colorize: true, sync: true })) : pino(options)
}

/** The process-wide logger; `child({ requestId, orgId, messageId })` adds context to every line. */
export function getLogger(): Logger {
  holder.__logger ??= createLogger()
  return holder.__logger
}
