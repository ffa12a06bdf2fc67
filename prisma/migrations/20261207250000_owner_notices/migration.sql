-- Owners are told of every change of where mail goes, of API keys and of roles; a key limited to its creator's role.
ALTER TYPE "OutboxKind" ADD VALUE 'owner_notice';
ALTER TYPE "AuditAction" ADD VALUE 'api_key.limit';
