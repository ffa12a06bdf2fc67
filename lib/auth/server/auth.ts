import 'server-only'
import { hkdfSync } from 'node:crypto'
import { betterAuth } from 'better-auth'
import { prismaAdapter } from 'better-auth/adapters/prisma'
import { nextCookies } from 'better-auth/next-js'
import { twoFactor } from 'better-auth/plugins'
import { env } from '@/lib/env'
import { getPrisma } from '@/lib/server/db'
import { getKeyring } from '@/lib/server/crypto/keyring'
import { hashPassword, verifyPassword } from './password'
import { hashedRecoveryCodes, retiredBackupCodes } from './recovery-code-plugin'
import { ADMIN_RESET_TTL_SECONDS, afterAdminPasswordReset, queueAdminPasswordReset, RESET_IDENTIFIER_PREFIX } from './password-reset-hooks'
import type { PrismaClient } from '@/lib/server/db/prisma'

export const SESSION_TTL_SECONDS = 60 * 60 * 24 * 7

// Better Auth signs cookies with its own secret; derive it from the encryption key so there is one secret to manage.
function authSecret(): string {
  const key = getKeyring().current.bytes
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'better-auth-secret', 32)).toString('base64')
}

function createAuth(prisma: PrismaClient) {
  return betterAuth({
    appName: 'Mailgate',
    baseURL: env.APP_URL,
    secret: authSecret(),
    database: prismaAdapter(prisma, { provider: 'postgresql' }),
    emailAndPassword: {
      enabled: true,
      // a new account is signed in by its verification link, so a sign-up's answer never tells a new address from a known one
      autoSignIn: false,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      password: { hash: hashPassword, verify: verifyPassword },
      resetPasswordTokenExpiresIn: ADMIN_RESET_TTL_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, token }) => queueAdminPasswordReset(user, token),
      onPasswordReset: ({ user }) => afterAdminPasswordReset(user),
    },
    // reset links are kept as SHA-256 only: a database leak yields no usable link
    verification: { storeIdentifier: { default: 'plain', overrides: { [RESET_IDENTIFIER_PREFIX]: 'hashed' } } },
    session: { expiresIn: SESSION_TTL_SECONDS, updateAge: 60 * 60 * 24 },
    // Login and signup are limited per IP and per email in lib/server/rate-limit (shared by all instances).
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // sessions record the address scripts/start.mjs determined (proxy.ts drops a client-sent X-Client-IP), never X-Forwarded-For
    advanced: { useSecureCookies: env.APP_URL.startsWith('https://'), ipAddress: { ipAddressHeaders: ['x-client-ip'] } },
    // TOTP from an authenticator app (the plugin keeps the secret encrypted with the auth secret); recovery codes are
    // ours, stored hashed, and checked before the plugin's own check (recovery-code-plugin.ts). nextCookies stays last.
    plugins: [twoFactor({ issuer: 'Mailgate', backupCodeOptions: retiredBackupCodes }), hashedRecoveryCodes(), nextCookies()],
  })
}

export type TAuth = ReturnType<typeof createAuth>

const holder = globalThis as typeof globalThis & { __auth?: Promise<TAuth> }

/** The Better Auth instance (email + password, database sessions). */
export function getAuth(): Promise<TAuth> {
  holder.__auth ??= getPrisma().then(createAuth)
  return holder.__auth
}
