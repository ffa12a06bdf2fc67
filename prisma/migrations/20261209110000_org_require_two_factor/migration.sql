-- Owners' setting "Require two-factor authentication": members without two-factor are sent to set it up first.
-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'organization.require_two_factor';

-- AlterTable
ALTER TABLE "organization" ADD COLUMN "requireTwoFactor" BOOLEAN NOT NULL DEFAULT false;
