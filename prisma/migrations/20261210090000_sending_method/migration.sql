-- The sending method beside Authentication (issue 27): SMTP as before, or the preset's HTTP API; and the service's own
-- id of each message sent through an API.
-- CreateEnum
CREATE TYPE "SendingMethod" AS ENUM ('smtp', 'api');

-- AlterTable
ALTER TABLE "email_provider_settings" ADD COLUMN "sendingMethod" "SendingMethod" NOT NULL DEFAULT 'smtp';

-- AlterTable
ALTER TABLE "outbox_message" ADD COLUMN "providerMessageId" TEXT;
