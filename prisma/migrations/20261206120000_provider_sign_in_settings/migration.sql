-- The sign-in kind's settings move from one nullable column each into one JSON object holding only its kind's fields.
ALTER TABLE "email_provider_settings" ADD COLUMN "signIn" JSONB NOT NULL DEFAULT '{}';

UPDATE "email_provider_settings" SET "signIn" = CASE "authKind"
  WHEN 'password' THEN jsonb_build_object('username', "username")
  WHEN 'oauth_client_credentials' THEN jsonb_build_object(
    'username', "username", 'tenantId', "tenantId", 'tokenUrl', "tokenUrl", 'clientId', "clientId", 'scope', "scope",
    'clientSecretExpiresAt', to_char("clientSecretExpiresAt", 'YYYY-MM-DD'))
  WHEN 'google_service_account' THEN jsonb_build_object('username', "username", 'serviceAccountEmail', "serviceAccountEmail")
  ELSE '{}'::jsonb
END;

ALTER TABLE "email_provider_settings"
  DROP COLUMN "username",
  DROP COLUMN "tenantId",
  DROP COLUMN "tokenUrl",
  DROP COLUMN "clientId",
  DROP COLUMN "scope",
  DROP COLUMN "clientSecretExpiresAt",
  DROP COLUMN "serviceAccountEmail";
