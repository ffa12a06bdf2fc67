-- Strings with comments become enums. Columns change type in place (USING a cast), so existing rows and their
-- indexes are kept; an unknown value would stop the migration instead of being silently dropped.

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('owner', 'admin', 'member');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('email_provider.update', 'email_provider.revert', 'email_provider.test');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('verify', 'reset');

-- CreateEnum
CREATE TYPE "OutboxKind" AS ENUM ('verify', 'reset', 'signup_attempt', 'test');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('queued', 'sending', 'sent', 'retrying', 'failed', 'captured');

-- AlterTable
ALTER TABLE "membership" ALTER COLUMN "role" TYPE "MembershipRole" USING "role"::"MembershipRole";

-- AlterTable
ALTER TABLE "audit_entry" ALTER COLUMN "action" TYPE "AuditAction" USING "action"::"AuditAction";

-- AlterTable
ALTER TABLE "org_user_token" ALTER COLUMN "purpose" TYPE "TokenPurpose" USING "purpose"::"TokenPurpose";

-- AlterTable
ALTER TABLE "outbox_message" ALTER COLUMN "kind" TYPE "OutboxKind" USING "kind"::"OutboxKind";

-- AlterTable
ALTER TABLE "outbox_message" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "outbox_message" ALTER COLUMN "status" TYPE "OutboxStatus" USING "status"::"OutboxStatus";
ALTER TABLE "outbox_message" ALTER COLUMN "status" SET DEFAULT 'queued';
