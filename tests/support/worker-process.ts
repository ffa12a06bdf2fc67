// A stand-in for an app instance, as its own process (so a test can kill it with SIGKILL, or stop it with SIGTERM
// the way a deploy does): the server runtime opens the database, starts the delivery worker and handles signals.
// Run: tsx --conditions=react-server tests/support/worker-process.ts — database from DATABASE_URL / PGLITE_DIR.
// Prints "drained" once organization WATCH_ORG_ID has nothing left to send.
import { getPrisma } from '@/lib/server/db'
import { startDeliveryWorker } from '@/lib/delivery/server/worker/worker'
import { startServerRuntime } from '@/lib/server/runtime'

await startServerRuntime()
console.log(`worker ${startDeliveryWorker().id} started`)

const orgId = process.env.WATCH_ORG_ID
const watch = setInterval(async () => {
  const prisma = await getPrisma()
  const pending = await prisma.outboxMessage.count({ where: { orgId, status: { in: ['queued', 'retrying', 'sending', 'held'] } } })
  if (pending === 0) {
    clearInterval(watch)
    console.log('drained')
  }
}, 100)
process.once('SIGTERM', () => clearInterval(watch))
