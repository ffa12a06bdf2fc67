-- Console admins reset a forgotten password by an emailed link (Better Auth's reset flow); each reset is audited.
ALTER TYPE "OutboxKind" ADD VALUE 'admin_reset';
ALTER TYPE "AuditAction" ADD VALUE 'admin.password_reset';
