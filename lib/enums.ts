// The schema's enums, client-safe: Prisma generates them as plain objects, so components may use them too.
export { ApiKeyAccess, AuditAction, MembershipRole, OutboxKind, OutboxStatus, TokenPurpose } from '@/lib/generated/prisma/enums'
