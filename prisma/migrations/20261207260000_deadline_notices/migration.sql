-- Dated warnings to owners and admins (Microsoft 365's end of password sign-in), each sent once per organization.
CREATE TABLE "deadline_notice" (
    "orgId" TEXT NOT NULL,
    "notice" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deadline_notice_pkey" PRIMARY KEY ("orgId","notice")
);

ALTER TABLE "deadline_notice" ADD CONSTRAINT "deadline_notice_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
