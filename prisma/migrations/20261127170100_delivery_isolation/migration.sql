-- Issue 12: held messages (an organization's provider fails, not the recipient), provider health per organization,
-- the opt-in fallback to the default provider, incident audit actions, and an index for fair per-organization claims.
-- (ADD VALUE on PostgreSQL 12+ runs in a transaction as long as the new value is not used in it.)

-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'delivery.failing';
ALTER TYPE "AuditAction" ADD VALUE 'delivery.recovered';

-- AlterEnum
ALTER TYPE "OutboxKind" ADD VALUE 'alert';

-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'held';

-- AlterTable
ALTER TABLE "email_provider_settings" ADD COLUMN     "useDefaultOnFailure" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "delivery_health" (
    "orgId" TEXT NOT NULL,
    "lastDeliveredAt" TIMESTAMP(3),
    "failingSince" TIMESTAMP(3),
    "failureCause" TEXT,
    "failureHint" TEXT,
    "failedRounds" INTEGER NOT NULL DEFAULT 0,
    "heldUntil" TIMESTAMP(3),
    "alertedAt" TIMESTAMP(3),

    CONSTRAINT "delivery_health_pkey" PRIMARY KEY ("orgId")
);

-- CreateIndex
CREATE INDEX "outbox_message_orgId_status_nextAttemptAt_idx" ON "outbox_message"("orgId", "status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "delivery_health" ADD CONSTRAINT "delivery_health_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

