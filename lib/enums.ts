// The schema's enums, client-safe: Prisma generates them as plain objects, so components may use them too. Every
// list of them elsewhere (API schema, OpenAPI document, filters, labels) derives from these.
export {
  ApiKeyAccess,
  AuditAction,
  AuthKind,
  ConnectionSecurity,
  MembershipRole,
  OutboxKind,
  OutboxStatus,
  ProviderPreset,
  SendingMethod,
  TokenPurpose,
} from '@/lib/generated/prisma/enums'

/** An enum's values as a non-empty tuple, in the schema's order (for `z.enum` and `Record<…>` lists). */
export function enumValues<const T extends Record<string, string>>(values: T): [T[keyof T], ...Array<T[keyof T]>] {
  return Object.values(values) as [T[keyof T], ...Array<T[keyof T]>]
}
