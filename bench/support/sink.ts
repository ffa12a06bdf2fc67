// Starts and drives the SMTP sink process (sink-process.ts).
import { forkChild } from './child'

export type TSinkStats = {
  received: number
  distinctMessageIds: number
  duplicateMessageIds: number
  firstAt: number | null
  lastAt: number | null
  connections: number
  authFailures: number
  /** CPU time the sink used since the last reset */
  cpuMs: number
}

export type TSink = {
  port: number
  reset(): Promise<void>
  /** Epoch ms at which the count-th message since the last reset was accepted. */
  waitFor(count: number, timeoutMs?: number): Promise<number>
  stats(): Promise<TSinkStats>
  /** Messages accepted per recipient whose address starts with `prefix`. */
  recipients(prefix: string): Promise<Record<string, number>>
  close(): Promise<void>
}

/**
 * Forks the sink (it needs TEST_CA_DIR for its certificate) and waits until it listens. With `dataDelayMs`, a slow
 * server: every message is accepted that long after its data arrived (any number of connections in parallel).
 */
export async function startSink(options: { dataDelayMs?: number } = {}): Promise<TSink> {
  const { dataDelayMs = 0 } = options
  const child = forkChild('bench/support/sink-process.ts', { SINK_DATA_DELAY_MS: String(dataDelayMs) }, { name: dataDelayMs ? 'slow sink' : 'sink' })
  const port = await child.call<number>('port')
  return {
    port,
    reset: () => child.call('reset'),
    waitFor: (count, timeoutMs = 120_000) => child.call<number>('waitFor', count, timeoutMs),
    stats: () => child.call<TSinkStats>('stats'),
    recipients: (prefix) => child.call('recipients', prefix),
    close: () => child.stop(),
  }
}
