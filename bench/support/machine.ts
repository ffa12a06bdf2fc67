// Where the machine's CPU went during a measurement: all cores (/proc/stat), PostgreSQL's processes, and — by
// difference with what our own processes report — other work on this shared machine (noise).
import { readFileSync, readdirSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'

const TICK_MS = 10 // USER_HZ is 100 on Linux

export type TCpuSnapshot = { at: number; busyMs: number; postgresMs: number }

function machineBusyMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
  // user nice system idle iowait irq softirq steal …: busy is everything but idle and iowait
  const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0)
  return (total - fields[3]! - fields[4]!) * TICK_MS
}

function postgresMs(): number {
  let ticks = 0
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      if (!name.startsWith('postgres')) continue
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      ticks += Number(fields[11]) + Number(fields[12]) // utime, stime
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * TICK_MS
}

/** CPU counters now (Linux only; zeros elsewhere). */
export function cpuSnapshot(): TCpuSnapshot {
  try {
    return { at: performance.now(), busyMs: machineBusyMs(), postgresMs: postgresMs() }
  } catch {
    return { at: performance.now(), busyMs: 0, postgresMs: 0 }
  }
}

export type TCpuUse = { wallMs: number; machineBusyPct: number; postgresMs: number; cores: number }

/** Busy share of all cores (100 % = every core busy) and PostgreSQL's CPU between two snapshots. */
export function cpuBetween(start: TCpuSnapshot, end: TCpuSnapshot): TCpuUse {
  const wallMs = end.at - start.at
  const cores = cpus().length
  return {
    wallMs: Math.round(wallMs),
    machineBusyPct: Math.round((100 * (end.busyMs - start.busyMs)) / (wallMs * cores)),
    postgresMs: end.postgresMs - start.postgresMs,
    cores,
  }
}

/** The 1-minute load average: how busy the shared machine was when a section started. */
export function loadAverage(): number {
  return Math.round(loadavg()[0]! * 100) / 100
}
