-- Console admins' recovery codes are stored hashed (SHA-256 of a random 80-bit code), one row per code, each used once.
-- The twoFactor plugin's own column no longer holds codes: codes issued before this change, encrypted there, stop
-- working (an admin gets new ones by turning two-factor off and on again).
-- CreateTable
CREATE TABLE "recovery_code" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "recovery_code_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "recovery_code_userId_idx" ON "recovery_code"("userId");

-- AddForeignKey
ALTER TABLE "recovery_code" ADD CONSTRAINT "recovery_code_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Retire the plugin's encrypted codes
UPDATE "two_factor" SET "backupCodes" = 'retired';
