// Step-up (lib/auth/server/recent-sign-in.ts, guarded-step-up.ts) with a clock the test moves: within 10 minutes of
// signing in a change of where mail goes is made; after that it is refused with nothing changed until Confirm it's you
// (the password, and the app's code when two-factor is on) renews the session; a wrong password or code renews nothing.
// Changes the owners are not told of (the Display Name) never ask, and the Management API's keys act as themselves.
import { afterAll, describe, expect, it } from 'vitest'
import { generate } from 'otplib'
import { getAuth } from '@/lib/auth/server/auth'
import { ZStepUpWithCode } from '@/lib/auth/account-schema'
import { guardedStepUp } from '@/lib/auth/server/guarded-step-up'
import { API_KEY_ACTS_AS_ITSELF, RECENT_SIGN_IN_MS, recentSignInOf, requireRecentSignIn, type TClock, type TSessionRef } from '@/lib/auth/server/recent-sign-in'
import { confirmTwoFactorSetup, startTwoFactorSetup } from '@/lib/auth/server/two-factor'
import { getProviderView } from '@/lib/email-provider/server/store'
import { revertEmailProvider, updateEmailProvider } from '@/lib/email-provider/server/service'
import { createOrganizationWithOwner } from '@/lib/orgs/server/store'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { providerForm, uniqueTag } from '../support/data-fixtures'

afterAll(closeDatabase)

const PASSWORD = 'the step-up password of all'

/** A clock that starts now and moves only when the test says so. */
function movableClock() {
  let offsetMs = 0
  const clock: TClock = () => new Date(Date.now() + offsetMs)
  return { clock, advance: (ms: number) => void (offsetMs += ms) }
}

/** The cookies an answer set, as the Cookie header the browser would send next, from a distinct client address. */
function cookiesOf(answer: Headers, ip: string): Headers {
  const pairs = answer.getSetCookie().map((line) => line.split(';')[0]!)
  return new Headers({ cookie: pairs.join('; '), 'x-client-ip': ip })
}

/** A verified console admin, signed in, owner of a new organization: their session's cookies and reference. */
async function signedInOwner(label: string) {
  const auth = await getAuth()
  const email = `${label}-${uniqueTag()}@example.test`
  const { user } = await auth.api.signUpEmail({ body: { email, password: PASSWORD, name: label } })
  await (await getPrisma()).user.update({ where: { id: user.id }, data: { emailVerified: true } })
  const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`
  const signedIn = await auth.api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true, headers: new Headers({ 'x-client-ip': ip }) })
  const cookies = cookiesOf(signedIn.headers, ip)
  const org = await createOrganizationWithOwner(user.id, `Step-up ${uniqueTag()}`)
  return { actor: { id: user.id, email }, org, cookies, ip, session: await sessionOf(cookies) }
}

async function sessionOf(cookies: Headers): Promise<TSessionRef> {
  const current = await (await getAuth()).api.getSession({ headers: cookies })
  if (!current) throw new Error('not signed in')
  return { sessionId: current.session.id, userId: current.user.id, isTwoFactorOn: current.user.twoFactorEnabled === true }
}

/** An owner who turned two-factor on, then signed in again with password and code, as the admin would. */
async function signedInWithTwoFactor(tag: string) {
  const owner = await signedInOwner(tag)
  const started = await startTwoFactorSetup(owner.cookies, PASSWORD)
  if (!started.ok) throw new Error(started.code)
  // confirming the setup renews the session (a new cookie): sign in again with the code, as the admin would
  const confirmed = await confirmTwoFactorSetup(owner.cookies, owner.actor.id, await generate({ secret: started.secret }))
  if (!confirmed.ok) throw new Error(confirmed.code)
  const auth = await getAuth()
  const passwordStep = await auth.api.signInEmail({
    body: { email: owner.actor.email, password: PASSWORD },
    returnHeaders: true,
    headers: new Headers({ 'x-client-ip': owner.ip }),
  })
  const codeStep = await auth.api.verifyTOTP({
    body: { code: await generate({ secret: started.secret }) },
    returnHeaders: true,
    headers: cookiesOf(passwordStep.headers, owner.ip),
  })
  const cookies = cookiesOf(codeStep.headers, owner.ip)
  const session = await sessionOf(cookies)
  return { started, confirmed, cookies, session }
}

const STEP_UP_REQUIRED = { ok: false, code: 'step-up-required', isCodeRequired: false }

describe('step-up', () => {
  it('a change of where mail goes is made within 10 minutes of signing in, refused after, and made again after Confirm it’s you', async () => {
    const owner = await signedInOwner('stepup')
    const { clock, advance } = movableClock()
    const check = recentSignInOf(owner.session, clock)
    expect(await updateEmailProvider(owner.org.id, owner.actor, providerForm({ password: PASSWORD, version: 0 }), check)).toEqual({ ok: true, version: 1 })

    advance(RECENT_SIGN_IN_MS - 5_000)
    expect(await requireRecentSignIn(owner.session, clock)).toBeNull()
    advance(10_000) // 10 minutes and 5 seconds after signing in
    const moved = providerForm({ host: 'smtp.moved.example', password: PASSWORD, version: 1 })
    expect(await updateEmailProvider(owner.org.id, owner.actor, moved, check)).toEqual(STEP_UP_REQUIRED)
    expect(await revertEmailProvider(owner.org.id, owner.actor, 1, check)).toEqual(STEP_UP_REQUIRED)
    const unchanged = await getProviderView(owner.org.id)
    expect(unchanged).toMatchObject({ version: 1, provider: { host: 'smtp.example.com' } })

    expect(await guardedStepUp(owner.cookies, { password: 'not my password' }, clock)).toEqual({
      ok: false,
      fieldErrors: { password: 'This is not your current password.' },
    })
    expect(await requireRecentSignIn(owner.session, clock)).toEqual(STEP_UP_REQUIRED)

    expect(await guardedStepUp(owner.cookies, { password: PASSWORD }, clock)).toEqual({ ok: true })
    expect(await updateEmailProvider(owner.org.id, owner.actor, moved, check)).toEqual({ ok: true, version: 2 })
    expect((await getProviderView(owner.org.id)).provider?.host).toBe('smtp.moved.example')

    advance(RECENT_SIGN_IN_MS + 1_000) // the step-up ages like a sign-in
    expect(await revertEmailProvider(owner.org.id, owner.actor, 2, check)).toEqual(STEP_UP_REQUIRED)
  })

  it('asks about the fallback switch and a new secret, never about the Display Name; API keys are never asked', async () => {
    const owner = await signedInOwner('stepup-what')
    const { clock, advance } = movableClock()
    const check = recentSignInOf(owner.session, clock)
    expect(await updateEmailProvider(owner.org.id, owner.actor, providerForm({ password: PASSWORD, version: 0 }), check)).toMatchObject({ ok: true })
    advance(RECENT_SIGN_IN_MS + 60_000)

    const renamed = providerForm({ displayName: 'Renamed', version: 1 })
    expect(await updateEmailProvider(owner.org.id, owner.actor, renamed, check)).toEqual({ ok: true, version: 2 })
    const fallback = providerForm({ displayName: 'Renamed', useDefaultOnFailure: true, version: 2 })
    expect(await updateEmailProvider(owner.org.id, owner.actor, fallback, check)).toEqual(STEP_UP_REQUIRED)
    const newSecret = providerForm({ displayName: 'Renamed', password: 'another secret', version: 2 })
    expect(await updateEmailProvider(owner.org.id, owner.actor, newSecret, check)).toEqual(STEP_UP_REQUIRED)
    expect((await getProviderView(owner.org.id)).version).toBe(2)

    const moved = providerForm({ host: 'smtp.by-key.example', password: PASSWORD, version: 2 })
    expect(await updateEmailProvider(owner.org.id, owner.actor, moved, API_KEY_ACTS_AS_ITSELF)).toEqual({ ok: true, version: 3 })
    expect(await revertEmailProvider(owner.org.id, owner.actor, 3, API_KEY_ACTS_AS_ITSELF)).toEqual({ ok: true, version: 4 })
  })

  it('with two-factor on, Confirm it’s you needs the app’s code as well; a wrong code renews nothing', async () => {
    const { started, cookies, session } = await signedInWithTwoFactor('stepup-2fa')
    expect(session.isTwoFactorOn).toBe(true)

    const { clock, advance } = movableClock()
    advance(RECENT_SIGN_IN_MS + 1_000)
    expect(await requireRecentSignIn(session, clock)).toEqual({ ...STEP_UP_REQUIRED, isCodeRequired: true })
    expect(await guardedStepUp(cookies, { password: PASSWORD, code: '000000' }, clock)).toEqual({
      ok: false,
      fieldErrors: { code: 'This code is not correct. Check it and try again.' },
    })
    expect(await guardedStepUp(cookies, { password: 'not my password', code: await generate({ secret: started.secret }) }, clock)).toMatchObject({
      fieldErrors: { password: 'This is not your current password.' },
    })
    expect(await requireRecentSignIn(session, clock)).not.toBeNull()
    expect(await guardedStepUp(cookies, { password: PASSWORD, code: await generate({ secret: started.secret }) }, clock)).toEqual({ ok: true })
    expect(await requireRecentSignIn(session, clock)).toBeNull()
  })

  it('with two-factor on and no phone at hand, one recovery code confirms it’s you once; used, it is refused', async () => {
    const { confirmed, cookies, session } = await signedInWithTwoFactor('stepup-recovery')

    const { clock, advance } = movableClock()
    advance(RECENT_SIGN_IN_MS + 1_000)
    const [recoveryCode] = confirmed.recoveryCodes
    const typed = ZStepUpWithCode.parse({ password: PASSWORD, code: recoveryCode!.toUpperCase() })
    expect(await guardedStepUp(cookies, typed, clock)).toEqual({ ok: true })
    expect(await requireRecentSignIn(session, clock)).toBeNull()

    advance(RECENT_SIGN_IN_MS + 1_000)
    expect(await guardedStepUp(cookies, typed, clock)).toEqual({
      ok: false,
      fieldErrors: { code: 'This code is not correct. Check it and try again.' },
    })
    expect(await requireRecentSignIn(session, clock)).not.toBeNull()
  })

  it('another session of the same admin stays as it was, and Confirm it’s you without a session is refused', async () => {
    const owner = await signedInOwner('stepup-other')
    const auth = await getAuth()
    const other = await auth.api.signInEmail({
      body: { email: owner.actor.email, password: PASSWORD },
      returnHeaders: true,
      headers: new Headers({ 'x-client-ip': owner.ip }),
    })
    const otherSession = await sessionOf(cookiesOf(other.headers, owner.ip))
    const { clock, advance } = movableClock()
    advance(RECENT_SIGN_IN_MS + 1_000)
    expect(await guardedStepUp(owner.cookies, { password: PASSWORD }, clock)).toEqual({ ok: true })
    expect(await requireRecentSignIn(owner.session, clock)).toBeNull()
    expect(await requireRecentSignIn(otherSession, clock)).toEqual(STEP_UP_REQUIRED)
    expect(await guardedStepUp(new Headers({ 'x-client-ip': owner.ip }), { password: PASSWORD }, clock)).toMatchObject({ ok: false })
  })
})
