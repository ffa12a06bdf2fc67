// A TCP server that accepts connections and never says a word: the "no greeting" failure.
import { EventEmitter, once } from 'node:events'
import net, { type AddressInfo } from 'node:net'
import { waitFor } from './smtp-server'

export type TSilentServer = {
  host: '127.0.0.1'
  port: number
  /** Connections accepted so far. */
  connections(): number
  /** Resolves once `count` connections have been accepted. */
  waitForConnections(count: number, timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

/** Starts a TCP server on an ephemeral port of 127.0.0.1 that accepts and stays silent. */
export async function startSilentServer(): Promise<TSilentServer> {
  const sockets = new Set<net.Socket>()
  const events = new EventEmitter()
  let accepted = 0
  const server = net.createServer((socket) => {
    accepted++
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
    events.emit('connection')
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return {
    host: '127.0.0.1',
    port: (server.address() as AddressInfo).port,
    connections: () => accepted,
    waitForConnections: (count, timeoutMs = 10_000) => waitFor(() => accepted >= count, events, 'connection', timeoutMs, `${count} connection(s)`),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
