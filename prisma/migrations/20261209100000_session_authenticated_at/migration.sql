-- Step-up: when the admin last proved who they are in a session (its sign-in, or a later Confirm it's you). Sessions
-- that exist already count from their sign-in.
-- AlterTable
ALTER TABLE "session" ADD COLUMN "authenticatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

UPDATE "session" SET "authenticatedAt" = "createdAt";
