import { describe, expect, it } from 'vitest'
import { isOrgLevelStage } from '@/lib/delivery/server/health/failure-scope'

describe('isOrgLevelStage', () => {
  it("holds the organization for its provider's failures and fails only the message for a recipient's", () => {
    expect(['dns', 'tcp', 'tls', 'ehlo', 'token', 'auth', 'mail'].every((stage) => isOrgLevelStage(stage as never))).toBe(true)
    expect(['rcpt', 'data'].some((stage) => isOrgLevelStage(stage as never))).toBe(false)
  })
})
