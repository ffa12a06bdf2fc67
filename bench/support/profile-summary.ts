// `npx tsx bench/support/profile-summary.ts FILE.cpuprofile [TOP]`: where a --cpu-prof profile spent its time,
// by function (self time) and by package (self time of every frame under node_modules/<pkg> or node:internal).
import { readFileSync } from 'node:fs'

type TNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
type TProfile = { nodes: TNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const [file, topArg] = process.argv.slice(2)
if (!file) {
  console.error('usage: tsx bench/support/profile-summary.ts FILE.cpuprofile [TOP]')
  process.exit(2)
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as TProfile
const top = Number(topArg ?? 25)
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const selfMs = new Map<number, number>()
profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000))
const totalMs = (profile.endTime - profile.startTime) / 1000

function packageOf(url: string): string {
  if (!url) return '(native/gc/idle)'
  const modules = url.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/')
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!
  }
  if (url.startsWith('node:')) return url.split('/')[0]!.replace(/^node:internal.*/, 'node:internal')
  return url.replace(/^file:\/\/.*?\/(lib|bench|tests)\//, '$1/')
}

const byFunction = new Map<string, number>()
const byPackage = new Map<string, number>()
for (const [id, ms] of selfMs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame
  const name = `${functionName || '(anonymous)'} ${packageOf(url)}:${lineNumber + 1}`
  byFunction.set(name, (byFunction.get(name) ?? 0) + ms)
  byPackage.set(packageOf(url), (byPackage.get(packageOf(url)) ?? 0) + ms)
}
const print = (title: string, entries: Map<string, number>) => {
  console.info(`\n${title} (of ${totalMs.toFixed(0)} ms profiled)`)
  for (const [name, ms] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.info(`${ms.toFixed(0).padStart(8)} ms  ${((100 * ms) / totalMs).toFixed(1).padStart(5)}%  ${name}`)
}
print('self time by package / file', byPackage)
print('self time by function', byFunction)

// --callers=NAME: the call chains (innermost first, 8 deep) that lead to NAME's self time
const callersOf = process.argv.find((arg) => arg.startsWith('--callers='))?.slice('--callers='.length)
if (callersOf) {
  const parentOf = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id)
  const chains = new Map<string, number>()
  for (const [id, ms] of selfMs) {
    if (byId.get(id)!.callFrame.functionName !== callersOf) continue
    const frames: string[] = []
    for (let at: number | undefined = id; at !== undefined && frames.length < 8; at = parentOf.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at)!.callFrame
      frames.push(`${functionName || '(anon)'}@${packageOf(url)}:${lineNumber + 1}`)
    }
    const chain = frames.join(' < ')
    chains.set(chain, (chains.get(chain) ?? 0) + ms)
  }
  print(`call chains of ${callersOf}`, chains)
}
