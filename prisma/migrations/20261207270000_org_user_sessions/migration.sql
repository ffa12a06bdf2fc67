-- Org users' sign-in sessions: only the SHA-256 of each cookie's token is stored; a user's deletion ends them.
-- CreateTable
CREATE TABLE "org_user_session" (
    "id" TEXT NOT NULL,
    "orgUserId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ipNetwork" TEXT,

    CONSTRAINT "org_user_session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "org_user_session_tokenHash_key" ON "org_user_session"("tokenHash");

-- CreateIndex
CREATE INDEX "org_user_session_orgUserId_idx" ON "org_user_session"("orgUserId");

-- AddForeignKey
ALTER TABLE "org_user_session" ADD CONSTRAINT "org_user_session_orgUserId_fkey" FOREIGN KEY ("orgUserId") REFERENCES "org_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

