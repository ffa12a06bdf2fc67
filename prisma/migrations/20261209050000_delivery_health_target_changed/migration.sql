-- The delivery health shown starts again with each change of where mail goes (Update of the target, Revert).
-- AlterTable
ALTER TABLE "delivery_health" ADD COLUMN "targetChangedAt" TIMESTAMP(3);
