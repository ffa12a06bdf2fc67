-- Provider model v2: presets, connection security, authentication kinds (password, OAuth 2.0 client credentials,
-- Google service account, none) and every secret sealed together in "secrets". Existing rows become password
-- authentication when they have a username (else none), with automatic security; their v1 passwordSecret is
-- re-sealed into "secrets" by the application at start-up (it needs the encryption key).

-- CreateEnum
CREATE TYPE "ProviderPreset" AS ENUM ('custom', 'microsoft365', 'google', 'ses', 'sendgrid', 'mailgun', 'postmark', 'brevo', 'resend');

-- CreateEnum
CREATE TYPE "ConnectionSecurity" AS ENUM ('auto', 'starttls', 'tls', 'none');

-- CreateEnum
CREATE TYPE "AuthKind" AS ENUM ('password', 'oauth_client_credentials', 'google_service_account', 'none');

-- AlterTable
ALTER TABLE "email_provider_settings" ADD COLUMN     "authKind" "AuthKind" NOT NULL DEFAULT 'password',
ADD COLUMN     "clientId" TEXT,
ADD COLUMN     "clientSecretExpiresAt" TIMESTAMP(3),
ADD COLUMN     "preset" "ProviderPreset" NOT NULL DEFAULT 'custom',
ADD COLUMN     "scope" TEXT,
ADD COLUMN     "secrets" TEXT,
ADD COLUMN     "security" "ConnectionSecurity" NOT NULL DEFAULT 'auto',
ADD COLUMN     "serviceAccountEmail" TEXT,
ADD COLUMN     "tenantId" TEXT,
ADD COLUMN     "tokenUrl" TEXT;


-- v1 rows without a username signed in to nothing
UPDATE "email_provider_settings" SET "authKind" = 'none' WHERE "username" IS NULL;
