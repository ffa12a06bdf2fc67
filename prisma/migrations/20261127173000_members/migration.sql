-- Members: the "member" role becomes "viewer" (reads the settings, changes nothing); invitations by email.
ALTER TYPE "MembershipRole" RENAME VALUE 'member' TO 'viewer';

ALTER TYPE "OutboxKind" ADD VALUE 'invitation';

ALTER TYPE "AuditAction" ADD VALUE 'member.invite';
ALTER TYPE "AuditAction" ADD VALUE 'member.invite_resend';
ALTER TYPE "AuditAction" ADD VALUE 'member.invite_revoke';
ALTER TYPE "AuditAction" ADD VALUE 'member.join';
ALTER TYPE "AuditAction" ADD VALUE 'member.role_change';
ALTER TYPE "AuditAction" ADD VALUE 'member.remove';
ALTER TYPE "AuditAction" ADD VALUE 'member.leave';
ALTER TYPE "AuditAction" ADD VALUE 'member.transfer_ownership';

CREATE TABLE "invitation" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "invitedById" TEXT,
    "invitedByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitation_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "invitation_tokenHash_key" ON "invitation"("tokenHash");

CREATE UNIQUE INDEX "invitation_orgId_email_key" ON "invitation"("orgId", "email");

ALTER TABLE "invitation" ADD CONSTRAINT "invitation_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
