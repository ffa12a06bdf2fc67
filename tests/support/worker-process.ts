// A stand-in for an app instance's delivery worker, as its own process (so a test can kill it with SIGKILL).
// Run: tsx --conditions=react-server tests/support/worker-process.ts — database from DATABASE_URL / PGLITE_DIR.
// Prints "drained" once organization WATCH_ORG_ID has nothing left to send.
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { startDeliveryWorker } from '@/lib/delivery/server/worker'
import { closeAllTransports } from '@/lib/mail/server/transport-cache'

const worker = startDeliveryWorker()
console.log(`worker ${worker.id} started`)

const orgId = process.env.WATCH_ORG_ID
const watch = setInterval(async () => {
  const prisma = await getPrisma()
  const pending = await prisma.outboxMessage.count({ where: { orgId, status: { in: ['queued', 'retrying', 'sending'] } } })
  if (pending === 0) {
    clearInterval(watch)
    console.log('drained')
  }
}, 100)

process.once('SIGTERM', async () => {
  clearInterval(watch)
  await worker.stop()
  closeAllTransports()
  await closeDatabase()
  process.exit(0)
})
