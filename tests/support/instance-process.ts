// App instances as child processes (tests/support/worker-process.ts): a test can SIGKILL one (a crash) or SIGTERM it
// (a deploy), and read what it prints.
import { spawn, type ChildProcess } from 'node:child_process'

const children: ChildProcess[] = []

/** Starts an instance watching `orgId`, with extra environment (lease, deadline, database). */
export function startInstance(orgId: string, env: Record<string, string>): ChildProcess {
  // node itself (not npx): a signal must hit the instance, not a wrapper around it
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/support/worker-process.ts'], {
    env: { ...process.env, WATCH_ORG_ID: orgId, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  return child
}

/** Resolves once the instance printed `line` (a whole line, or one starting with it). */
export function printed(child: ChildProcess, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const found = output.split('\n').find((printedLine) => printedLine === line || printedLine.startsWith(`${line} `))
      if (found !== undefined) resolve(found)
    })
    child.once('exit', (code) => reject(new Error(`instance exited (${code}) before printing "${line}"`)))
  })
}

/** Kills every instance still running (after a test). */
export function killInstances(): void {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
}
