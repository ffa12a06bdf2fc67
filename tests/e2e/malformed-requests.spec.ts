// A few hundred malformed requests, written byte for byte on a raw socket (no client library normalises them): every
// answer is a 4xx (or an ordinary page), never a 5xx. (A body announced but never sent is left out: the server rightly
// waits for it, up to Node's request timeout.)
import { connect } from 'node:net'
import { expect, test } from '@playwright/test'
import { signUpAdmin } from './support/admins'

type TRaw = { method: string; path: string; headers?: Record<string, string>; body?: string }

/** Sends one request as raw bytes and returns the status code of the answer. */
function send(baseURL: string, request: TRaw): Promise<number> {
  const { hostname, port, host } = new URL(baseURL)
  const body = request.body ?? ''
  const headers = { host, connection: 'close', 'content-length': String(Buffer.byteLength(body)), ...request.headers }
  const head = `${request.method} ${request.path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n')}\r\n\r\n`
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(head + body))
    let received = ''
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1')
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received)
      if (status) {
        resolve(Number(status[1]))
        socket.destroy()
      }
    })
    socket.setTimeout(15_000, () => {
      socket.destroy()
      resolve(-1) // no answer at all counts as a failure too
    })
    socket.on('error', reject)
    socket.on('close', () => resolve(/^HTTP\/1\.1 (\d{3})/.exec(received) ? Number(/^HTTP\/1\.1 (\d{3})/.exec(received)![1]) : 0))
  })
}

const BAD_SEGMENTS = [
  '%',
  '%E0%A4%A',
  '%C3%28',
  '%00',
  'a%00b',
  '%ZZ',
  '%%',
  '%u0041',
  '%2',
  '%FF%FE',
  '..%2F..%2Fetc',
  '%0d%0aSet-Cookie:x=1',
  'x'.repeat(3000),
]
const BAD_TOKENS = ['%00', '%', 'a'.repeat(5000), '%E0%A4%A', 'x%00y', "'; drop table org_user; --", '<script>', '%F0%9F%92%A9'.repeat(50)]

test('malformed paths, tokens, bodies and foreign Server Actions get a 4xx, never a 5xx', async ({ page, baseURL }) => {
  test.setTimeout(180_000)
  const admin = await signUpAdmin(page, 'fuzz')
  const pages = ['signup', 'verify', 'recover', 'reset']
  const requests: TRaw[] = []
  for (const segment of BAD_SEGMENTS) {
    for (const pageName of pages) requests.push({ method: 'GET', path: `/t/${segment}/${pageName}` })
    requests.push({ method: 'GET', path: `/orgs/${segment}` }, { method: 'GET', path: `/orgs/${admin.slug}/settings/email-provider/captured/${segment}` })
    requests.push({ method: 'GET', path: `/login?next=${segment}` })
  }
  for (const token of [...BAD_TOKENS, ...BAD_SEGMENTS]) {
    for (const pageName of ['verify', 'reset']) requests.push({ method: 'GET', path: `/t/${admin.slug}/${pageName}?token=${token}` })
  }
  const action = { 'next-action': '7f'.repeat(21), 'content-type': 'text/plain;charset=UTF-8' }
  const foreignOrigins = [
    'https://evil.example',
    'null',
    'http://localhost.evil.example',
    'file://',
    'http://[::1]:1',
    'x',
    '%00',
    'https://evil.example/%E0%A4%A',
  ]
  const actionIds = ['', '00', 'z'.repeat(42), '%00', '7f'.repeat(21)]
  for (const pageName of pages) {
    const path = `/t/${admin.slug}/${pageName}`
    for (const origin of foreignOrigins) requests.push({ method: 'POST', path, headers: { ...action, origin }, body: '["x"]' })
    for (const id of actionIds) requests.push({ method: 'POST', path, headers: { ...action, 'next-action': id }, body: '[1,2' })
    requests.push({ method: 'POST', path, headers: { ...action, origin: 'https://evil.example' }, body: '["x"]' })
    requests.push({ method: 'POST', path, headers: { ...action, origin: 'null' }, body: '["x"]' })
    requests.push({ method: 'POST', path, headers: action, body: 'x'.repeat(1024 * 1024 + 10) })
    requests.push({ method: 'POST', path: `${path}%00`, headers: action, body: '[]' })
  }
  expect(requests.length).toBeGreaterThan(200)
  const failures: string[] = []
  for (const request of requests) {
    const status = await send(baseURL!, request)
    if (status >= 500 || status <= 0) failures.push(`${status} ${request.method} ${request.path.slice(0, 80)} ${request.headers?.origin ?? ''}`)
  }
  expect(failures).toEqual([])
})
