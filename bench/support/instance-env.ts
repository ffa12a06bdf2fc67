// The environment of an app instance process (bench/delivery-instance.ts): its own database, the bench's key and the
// local sinks allowed, as `npm start` would run it.
import { randomBytes } from 'node:crypto'

export function appInstanceEnv(options: { dataDir: string; databaseUrl?: string; pollMs: number }): Record<string, string> {
  return {
    DATA_DIR: options.dataDir,
    PGLITE_DIR: options.databaseUrl ? '' : 'memory://',
    DATABASE_URL: options.databaseUrl ?? '',
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SMTP_ALLOW_PRIVATE_HOSTS: 'true',
    MAIL_CAPTURE: 'true',
    OUTBOX_POLL_MS: String(options.pollMs),
    APP_URL: 'http://localhost:3000',
    NODE_ENV: 'production',
  }
}
