// An SMTP "tarpit": greets, then answers EHLO with a `250-` continuation line every `dripMs` and never finishes the
// reply. No socket timeout notices (bytes keep coming), so only a hard deadline per attempt ends the send.
import { once } from 'node:events'
import net, { type AddressInfo } from 'node:net'

export type TTarpitServer = {
  host: '127.0.0.1'
  port: number
  /** Connections still open (a deadline that destroys its socket brings this back to 0). */
  openConnections(): number
  /** Connections accepted so far. */
  connections(): number
  /** Connections that ended (the client gave up on them). */
  closedConnections(): number
  close(): Promise<void>
}

/** Starts a tarpit on an ephemeral port of 127.0.0.1. */
export async function startTarpitServer(dripMs = 500): Promise<TTarpitServer> {
  const sockets = new Set<net.Socket>()
  let accepted = 0
  let closed = 0
  const server = net.createServer((socket) => {
    accepted++
    sockets.add(socket)
    let timer: NodeJS.Timeout | undefined
    let line = 0
    socket.on('error', () => undefined)
    socket.on('close', () => {
      clearInterval(timer)
      sockets.delete(socket)
      closed++
    })
    socket.on('data', (chunk: Buffer) => {
      if (timer || !/^(EHLO|HELO)/im.test(chunk.toString())) return
      timer = setInterval(() => socket.write(`250-tarpit.example.test still thinking ${++line}\r\n`), dripMs)
    })
    socket.write('220 tarpit.example.test ESMTP\r\n')
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return {
    host: '127.0.0.1',
    port: (server.address() as AddressInfo).port,
    openConnections: () => sockets.size,
    connections: () => accepted,
    closedConnections: () => closed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
