// A STARTTLS server with AUTH that refuses with a chosen reply at the sign-in or at the end of DATA: a receiver's
// refusal (Microsoft's, Gmail's) as the test email meets it.
import { SMTPServer } from 'smtp-server'
import { TEST_USER } from './smtp-server'
import { loadTestCa } from './test-ca'

export type TRefusal = { code: number; text: string }
export type TRefusingSmtpServer = { port: number; close: () => Promise<void> }

function replyError(reply: TRefusal): Error {
  return Object.assign(new Error(reply.text), { responseCode: reply.code })
}

export async function startRefusingSmtpServer(
  at: 'auth' | 'data',
  reply: TRefusal,
  credentials: { username: string; password: string } = TEST_USER,
): Promise<TRefusingSmtpServer> {
  const ca = loadTestCa()
  const server = new SMTPServer({
    name: 'mx.example.test',
    key: ca.server.key,
    cert: ca.server.cert,
    authMethods: ['PLAIN', 'LOGIN'],
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (at === 'auth') return callback(replyError(reply))
      callback(auth.username === credentials.username && auth.password === credentials.password ? null : new Error('535 bad'), { user: auth.username })
    },
    onData(stream, _session, callback) {
      stream.resume()
      stream.on('end', () => callback(at === 'data' ? replyError(reply) : null))
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.server.address() as { port: number }).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
