// Request/response over a forked child's IPC channel: the parent calls `call(method, ...args)`, the child `serve`s.
import type { ChildProcess } from 'node:child_process'

type TRequest = { rpc: number; method: string; args: unknown[] }
type TResponse = { rpc: number; result?: unknown; error?: string }
type THandlers = Record<string, (...args: never[]) => unknown>

/** Answers the parent's calls with `handlers` (in a child started by forkChild); tells the parent it is ready. */
export function serve(handlers: THandlers): void {
  process.on('message', async (message: TRequest) => {
    if (typeof message?.rpc !== 'number') return
    const handler = handlers[message.method] as ((...args: unknown[]) => unknown) | undefined
    try {
      if (!handler) throw new Error(`unknown method ${message.method}`)
      const result = await handler(...message.args)
      process.send?.({ rpc: message.rpc, result } satisfies TResponse)
    } catch (error) {
      process.send?.({ rpc: message.rpc, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies TResponse)
    }
  })
  // an orphan would keep its servers and databases: leave with the parent
  process.on('disconnect', () => process.exit(0))
  process.send?.({ ready: true })
}

export type TCaller = <T = unknown>(method: string, ...args: unknown[]) => Promise<T>

/** The calling side for a child that `serve`s; calls wait until it is ready, and fail if it exits first. */
export function callerOf(child: ChildProcess, name: string): TCaller {
  let next = 1
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  // a message sent before the child listens would be lost: the first call waits for its "ready"
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: { ready?: boolean }) => message?.ready && resolve())
    child.on('exit', (code, signal) => reject(new Error(`${name} exited (${signal ?? code}) before it was ready`)))
  })
  ready.catch(() => undefined)
  child.on('message', (message: TResponse) => {
    const waiter = typeof message?.rpc === 'number' ? pending.get(message.rpc) : undefined
    if (!waiter) return
    pending.delete(message.rpc)
    if (message.error) waiter.reject(new Error(`${name}: ${message.error}`))
    else waiter.resolve(message.result)
  })
  child.on('exit', (code, signal) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${name} exited (${signal ?? code}) during a call`))
    pending.clear()
  })
  return async <T>(method: string, ...args: unknown[]) => {
    await ready
    return new Promise<T>((resolve, reject) => {
      const rpc = next++
      pending.set(rpc, { resolve: resolve as (value: unknown) => void, reject })
      child.send({ rpc, method, args } satisfies TRequest)
    })
  }
}
