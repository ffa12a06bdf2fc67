// A console admin's Account › Security (lib/auth/server/{two-factor,account-password,admin-sessions}.ts, Better Auth's
// twoFactor plugin): two-factor turns on only with a right code, sign-in then asks for a code, a recovery code works
// once (stored as SHA-256 in our own table, the plugin's column retired), and changing the password signs the other
// sessions out.
import { createHash } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { generate } from 'otplib'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { getAuth } from '@/lib/auth/server/auth'
import { confirmTwoFactorSetup, isTwoFactorOn, startTwoFactorSetup, turnOffTwoFactor, verifySecondFactor } from '@/lib/auth/server/two-factor'
import { changeAdminPassword } from '@/lib/auth/server/account-password'
import { listAdminSessions, signOutOtherAdminSessions } from '@/lib/auth/server/admin-sessions'
import { uniqueTag } from '../support/data-fixtures'

afterAll(closeDatabase)

const PASSWORD = 'the first password of all'
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36'

/** The cookies a Better Auth answer set, as the Cookie header a browser would send next (later ones replace). */
function withCookies(previous: Headers, answer: Headers): Headers {
  const jar = new Map<string, string>()
  for (const pair of (previous.get('cookie') ?? '').split(/;\s*/).filter(Boolean)) jar.set(pair.split('=')[0]!, pair)
  for (const line of answer.getSetCookie()) {
    const pair = line.split(';')[0]!
    const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]
    if (value === '' || /max-age=0/i.test(line)) jar.delete(name)
    else jar.set(name, pair)
  }
  return new Headers({ cookie: [...jar.values()].join('; '), 'user-agent': UA })
}

async function signUp(label: string) {
  const auth = await getAuth()
  const email = `${label}-${uniqueTag()}@example.test`
  const { user } = await auth.api.signUpEmail({ body: { email, password: PASSWORD, name: label } })
  await (await getPrisma()).user.update({ where: { id: user.id }, data: { emailVerified: true } })
  return { id: user.id, email }
}

/** Signs in with the password (a fresh browser): the cookies set, and whether a second step was asked. */
async function passwordStep(email: string, password = PASSWORD) {
  const auth = await getAuth()
  const { headers, response } = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true, headers: new Headers({ 'user-agent': UA }) })
  return { cookies: withCookies(new Headers(), headers), twoFactor: 'twoFactorRedirect' in response && response.twoFactorRedirect === true }
}

async function signedInSession(email: string) {
  const { cookies, twoFactor } = await passwordStep(email)
  expect(twoFactor).toBe(false)
  return cookies
}

const codeFor = (secret: string) => generate({ secret })
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

async function turnOn(userId: string, cookies: Headers) {
  const started = await startTwoFactorSetup(cookies, PASSWORD)
  if (!started.ok) throw new Error(`setup refused: ${started.code}`)
  expect(started.totpURI).toMatch(/^otpauth:\/\/totp\/Mailgate:/)
  expect(started.totpURI).toContain('issuer=Mailgate')
  const confirmed = await confirmTwoFactorSetup(cookies, userId, await codeFor(started.secret))
  if (!confirmed.ok) throw new Error(`confirm refused: ${confirmed.code}`)
  return { secret: started.secret, recoveryCodes: confirmed.recoveryCodes }
}

describe('Two-factor authentication', () => {
  it('turns on only with the password and a right code; the secret and the recovery codes are stored encrypted', async () => {
    const user = await signUp('twofa')
    const cookies = await signedInSession(user.email)
    expect(await startTwoFactorSetup(cookies, 'not the password')).toEqual({ ok: false, code: 'wrong-password', field: 'password' })
    const started = await startTwoFactorSetup(cookies, PASSWORD)
    if (!started.ok) throw new Error(started.code)
    expect(started.secret).toMatch(/^[A-Z2-7]+=*$/)
    expect(await isTwoFactorOn(user.id)).toBe(false)
    expect(await confirmTwoFactorSetup(cookies, user.id, '000000')).toMatchObject({ ok: false, code: 'wrong-code', field: 'code' })
    expect(await isTwoFactorOn(user.id)).toBe(false)
    const confirmed = await confirmTwoFactorSetup(cookies, user.id, await codeFor(started.secret))
    if (!confirmed.ok) throw new Error(confirmed.code)
    expect(confirmed.recoveryCodes).toHaveLength(10)
    expect(await isTwoFactorOn(user.id)).toBe(true)
    const stored = JSON.stringify(await (await getPrisma()).twoFactor.findMany({ where: { userId: user.id } }))
    expect(stored).not.toContain(started.secret)
    for (const code of confirmed.recoveryCodes) expect(stored).not.toContain(code)
  })

  it('makes sign-in ask for a code: a wrong one is refused, a right one starts the session', async () => {
    const user = await signUp('signin')
    const { secret } = await turnOn(user.id, await signedInSession(user.email))
    const step = await passwordStep(user.email)
    expect(step.twoFactor).toBe(true)
    // no session yet: only the two-factor challenge
    expect(await (await getAuth()).api.getSession({ headers: step.cookies })).toBeNull()
    expect(await verifySecondFactor(step.cookies, 'totp', '000000')).toEqual({ ok: false, code: 'wrong-code', field: 'code' })
    expect(await verifySecondFactor(step.cookies, 'totp', await codeFor(secret))).toEqual({ ok: true, userId: user.id })
    // without the password step there is nothing to complete
    expect(await verifySecondFactor(new Headers(), 'totp', await codeFor(secret))).toEqual({ ok: false, code: 'expired' })
    expect(await passwordStep(user.email, 'a wrong password').catch(() => 'refused')).toBe('refused')
  })

  it('takes each recovery code once', async () => {
    const user = await signUp('recovery')
    const { recoveryCodes } = await turnOn(user.id, await signedInSession(user.email))
    const code = recoveryCodes[0]!
    const first = await passwordStep(user.email)
    expect(await verifySecondFactor(first.cookies, 'recovery', code)).toEqual({ ok: true, userId: user.id })
    const second = await passwordStep(user.email)
    expect(await verifySecondFactor(second.cookies, 'recovery', code)).toEqual({ ok: false, code: 'wrong-code', field: 'code' })
    expect(await verifySecondFactor(second.cookies, 'recovery', recoveryCodes[1]!)).toEqual({ ok: true, userId: user.id })
  })

  it('turns off with the password only; sign-in then needs no code', async () => {
    const user = await signUp('off')
    const { secret } = await turnOn(user.id, await signedInSession(user.email))
    const step = await passwordStep(user.email)
    const auth = await getAuth()
    const verified = await auth.api.verifyTOTP({ body: { code: await codeFor(secret) }, headers: step.cookies, returnHeaders: true })
    const session = withCookies(step.cookies, verified.headers)
    expect(await turnOffTwoFactor(session, 'not the password')).toEqual({ ok: false, code: 'wrong-password', field: 'password' })
    expect(await isTwoFactorOn(user.id)).toBe(true)
    expect(await turnOffTwoFactor(session, PASSWORD)).toEqual({ ok: true })
    expect(await isTwoFactorOn(user.id)).toBe(false)
    expect(await (await getPrisma()).twoFactor.count({ where: { userId: user.id } })).toBe(0)
    expect((await passwordStep(user.email)).twoFactor).toBe(false)
  })
})

describe('Recovery codes, stored hashed', () => {
  it('keeps only the SHA-256 of each code in its own table; the plugin holds none', async () => {
    const user = await signUp('hashed')
    const { recoveryCodes } = await turnOn(user.id, await signedInSession(user.email))
    expect(recoveryCodes).toHaveLength(10)
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/)
    expect(new Set(recoveryCodes).size).toBe(10)
    const prisma = await getPrisma()
    const rows = await prisma.recoveryCode.findMany({ where: { userId: user.id } })
    expect(rows.map((row) => row.codeHash).sort()).toEqual(recoveryCodes.map((code) => sha256(code.replaceAll('-', ''))).sort())
    const stored = JSON.stringify([rows, await prisma.twoFactor.findMany({ where: { userId: user.id } })])
    for (const code of recoveryCodes) {
      expect(stored).not.toContain(code)
      expect(stored).not.toContain(code.replaceAll('-', ''))
    }
    expect((await prisma.twoFactor.findFirstOrThrow({ where: { userId: user.id } })).backupCodes).toBe('retired')
  })

  it('signs in once per code, typed in any case and without dashes; the second use fails', async () => {
    const user = await signUp('once')
    const { recoveryCodes } = await turnOn(user.id, await signedInSession(user.email))
    const typed = recoveryCodes[3]!.toUpperCase().replaceAll('-', ' ')
    const first = await passwordStep(user.email)
    expect(await verifySecondFactor(first.cookies, 'recovery', typed)).toEqual({ ok: true, userId: user.id })
    const second = await passwordStep(user.email)
    expect(await verifySecondFactor(second.cookies, 'recovery', recoveryCodes[3]!)).toEqual({ ok: false, code: 'wrong-code', field: 'code' })
    expect(await (await getAuth()).api.getSession({ headers: second.cookies })).toBeNull()
    expect(await (await getPrisma()).recoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(1)
  })

  it("refuses another admin's code and the plugin's own route without a redeemed code", async () => {
    const mine = await signUp('mine')
    const theirs = await signUp('theirs')
    await turnOn(mine.id, await signedInSession(mine.email))
    const { recoveryCodes: theirCodes } = await turnOn(theirs.id, await signedInSession(theirs.email))
    const step = await passwordStep(mine.email)
    expect(await verifySecondFactor(step.cookies, 'recovery', theirCodes[0]!)).toEqual({ ok: false, code: 'wrong-code', field: 'code' })
    // their code is not used up by the attempt
    expect(await (await getPrisma()).recoveryCode.count({ where: { userId: theirs.id, usedAt: null } })).toBe(10)
    // what the plugin's column or a guess could hold is never a code
    for (const guess of ['retired', '', '[]']) {
      await expect((await getAuth()).api.verifyBackupCode({ body: { code: guess }, headers: step.cookies })).rejects.toMatchObject({
        body: { code: 'INVALID_BACKUP_CODE' },
      })
    }
  })

  it('gives a code back when the plugin refuses the sign-in after all (account locked)', async () => {
    const user = await signUp('locked')
    const { recoveryCodes } = await turnOn(user.id, await signedInSession(user.email))
    const prisma = await getPrisma()
    await prisma.twoFactor.updateMany({ where: { userId: user.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } })
    const step = await passwordStep(user.email)
    expect(await verifySecondFactor(step.cookies, 'recovery', recoveryCodes[0]!)).toEqual({ ok: false, code: 'locked', field: 'code' })
    expect(await prisma.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10)
    await prisma.twoFactor.updateMany({ where: { userId: user.id }, data: { lockedUntil: null } })
    expect(await verifySecondFactor(step.cookies, 'recovery', recoveryCodes[0]!)).toEqual({ ok: true, userId: user.id })
  })

  it('gives new codes when two-factor is turned on again; turning it off deletes them', async () => {
    const user = await signUp('again')
    const first = await turnOn(user.id, await signedInSession(user.email))
    const step = await passwordStep(user.email)
    const auth = await getAuth()
    const verified = await auth.api.verifyTOTP({ body: { code: await codeFor(first.secret) }, headers: step.cookies, returnHeaders: true })
    const session = withCookies(step.cookies, verified.headers)
    expect(await turnOffTwoFactor(session, PASSWORD)).toEqual({ ok: true })
    expect(await (await getPrisma()).recoveryCode.count({ where: { userId: user.id } })).toBe(0)
    const second = await turnOn(user.id, await signedInSession(user.email))
    expect(second.recoveryCodes.some((code) => first.recoveryCodes.includes(code))).toBe(false)
    const old = await passwordStep(user.email)
    expect(await verifySecondFactor(old.cookies, 'recovery', first.recoveryCodes[0]!)).toEqual({ ok: false, code: 'wrong-code', field: 'code' })
    expect(await verifySecondFactor(old.cookies, 'recovery', second.recoveryCodes[0]!)).toEqual({ ok: true, userId: user.id })
  })
})

describe('Change password and sessions', () => {
  it('checks the current password, and signs every other session out', async () => {
    const user = await signUp('changer')
    const here = await signedInSession(user.email)
    const elsewhere = await signedInSession(user.email)
    expect((await listAdminSessions(here)).map((session) => session.isCurrent)).toEqual([true, false])
    expect((await listAdminSessions(here))[0]).toMatchObject({ device: 'Chrome on Linux' })

    expect(await changeAdminPassword(here, { currentPassword: 'not my password', newPassword: 'a brand new passphrase' })).toEqual({
      ok: false,
      code: 'wrong-password',
      field: 'currentPassword',
    })
    expect(await changeAdminPassword(here, { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' })).toEqual({ ok: true })
    const auth = await getAuth()
    expect(await auth.api.getSession({ headers: elsewhere })).toBeNull()
    expect(await (await getPrisma()).session.count({ where: { userId: user.id } })).toBe(1)
    expect(await passwordStep(user.email, PASSWORD).catch(() => 'refused')).toBe('refused')
    expect((await passwordStep(user.email, 'a brand new passphrase')).twoFactor).toBe(false)
  })

  it('Sign out other sessions keeps only this one', async () => {
    const user = await signUp('sessions')
    const here = await signedInSession(user.email)
    const elsewhere = await signedInSession(user.email)
    await signOutOtherAdminSessions(here)
    const auth = await getAuth()
    expect(await auth.api.getSession({ headers: elsewhere })).toBeNull()
    expect(await auth.api.getSession({ headers: here })).not.toBeNull()
    expect(await listAdminSessions(here)).toHaveLength(1)
  })
})
