// What each outbox test starts (workers, SMTP servers, organizations), stopped and removed after every test.
import { afterEach } from 'vitest'
import type { TWorker } from '@/lib/delivery/server/worker/worker'
import { closeAllTransports } from '@/lib/mail/server/transport-cache'
import { getPrisma } from '@/lib/server/db'

/** Lists to push into; after each test the workers stop, transports close, servers close and the organizations go. */
export function outboxHarness() {
  const workers: TWorker[] = []
  const servers: Array<{ close(): Promise<void> }> = []
  const orgIds: string[] = []
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop()
    closeAllTransports()
    for (const server of servers.splice(0)) await server.close()
    const prisma = await getPrisma()
    await prisma.organization.deleteMany({ where: { id: { in: orgIds.splice(0) } } })
  })
  return { workers, servers, orgIds }
}
