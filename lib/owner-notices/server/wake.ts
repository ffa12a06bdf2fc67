import 'server-only'
import { wakeDeliveryWorker } from '@/lib/delivery/server/worker/worker'

// Apart from notify.ts: the worker reads the provider's store, which queues notices (no import cycle).

/** After the change committed: this process's worker sends the notices at once (others find them with their next claim). */
export function ownerNoticesQueued(): void {
  wakeDeliveryWorker()
}
