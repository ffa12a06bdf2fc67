import { describe, expect, it } from 'vitest'
import { isRecoveryCode, ZStepUpWithCode } from '@/lib/auth/account-schema'

describe('Confirm it’s you with two-factor on', () => {
  it('takes the app’s 6 digits (spaces dropped) or a recovery code as shown, in any case', () => {
    expect(ZStepUpWithCode.parse({ password: 'p', code: ' 123 456 ' }).code).toBe('123456')
    expect(ZStepUpWithCode.parse({ password: 'p', code: ' ABCD-efgh-2345-wxyz ' }).code).toBe('ABCD-efgh-2345-wxyz')
    expect(isRecoveryCode('123456')).toBe(false)
    expect(isRecoveryCode('abcd-efgh-2345-wxyz')).toBe(true)
  })

  it.each([
    ['', 'Enter the 6-digit code from your authenticator app, or a recovery code'],
    ['12345', 'Enter the 6-digit code from your authenticator app, or a recovery code like abcd-efgh-2345-wxyz'],
    ['abcd-efgh-2345-wxy1', 'Enter the 6-digit code from your authenticator app, or a recovery code like abcd-efgh-2345-wxyz'],
  ])('refuses %j at the Code field, first with what to enter', (code, message) => {
    const parsed = ZStepUpWithCode.safeParse({ password: 'p', code })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain('code')
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['code'], message })
  })
})
