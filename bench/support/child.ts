// Benchmark children: TypeScript through tsx, "server-only" stubbed, IPC for RPC. NODE_EXTRA_CA_CERTS is read by
// Node only at start-up, which is why anything that dials the test SMTP servers over TLS runs in a child.
import { fork, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { callerOf, type TCaller } from './rpc'

const HOOKS = fileURLToPath(new URL('./hooks.mjs', import.meta.url))
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export type TChild = {
  process: ChildProcess
  call: TCaller
  /** Waits up to `graceMs` for the child to exit by itself, then sends SIGTERM (SIGKILL 5 s later). */
  stop(graceMs?: number): Promise<void>
}

/** Forks `script` (relative to the repo root) with extra env and Node flags. */
export function forkChild(script: string, env: Record<string, string | undefined>, options: { name?: string; nodeFlags?: string[] } = {}): TChild {
  const child = fork(script, [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', '--import', HOOKS, ...(options.nodeFlags ?? [])],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const name = options.name ?? script
  return {
    process: child,
    call: callerOf(child, name),
    async stop(graceMs = 0) {
      const hasExited = () => child.exitCode !== null || child.signalCode !== null
      if (hasExited()) return
      const exited = once(child, 'exit')
      if (graceMs > 0) await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs))])
      if (hasExited()) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes of this machine. */
export function epochMs(): number {
  return performance.timeOrigin + performance.now()
}
