-- An admin opened a captured email (its links may carry live tokens): recorded in the audit trail.
ALTER TYPE "AuditAction" ADD VALUE 'captured_email.view';
