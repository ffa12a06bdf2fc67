import 'server-only'
import { env } from '@/lib/env'
import { closeDatabase, getDatabase } from '@/lib/server/db'
import { getKeyring } from '@/lib/server/crypto/keyring'
import { upgradeLegacySecrets } from '@/lib/email-provider/server/rotate-secrets'
import { startDeliveryWorker, wakeDeliveryWorker } from '@/lib/delivery/server/worker/worker'
import { sendMicrosoftDeadlineNotices } from '@/lib/email-provider/server/microsoft-deadline-notices'
import { closeAllTransports } from '@/lib/mail/server/transport-cache'
import { markDraining, markWorkerRunning } from '@/lib/server/health'
import { getLogger } from '@/lib/server/logger'

// Dated notices to owners and admins (Microsoft 365's end of password sign-in): checked at start, then hourly
const DEADLINE_NOTICES_EVERY_MS = 60 * 60_000

type TStopHook = () => Promise<void>
const stopHooks: TStopHook[] = []

/** Registers work to finish before the process exits (workers, pools). */
export function onShutdown(hook: TStopHook) {
  stopHooks.push(hook)
}

/** Validates config, opens and migrates the database, and arranges a clean shutdown. */
export async function startServerRuntime() {
  const keyring = getKeyring()
  const database = await getDatabase()
  getLogger().info(`[db] using ${database.kind === 'pglite' ? `embedded PGlite in ${env.DATA_DIR}/pglite` : 'PostgreSQL'}`)
  const upgraded = await upgradeLegacySecrets(database.prisma, keyring.all, keyring.current)
  if (upgraded > 0) getLogger().info(`[db] re-sealed ${upgraded} provider password(s) in the v2 secrets format`)
  if (env.SMTP_ALLOW_PRIVATE_HOSTS) {
    getLogger().warn('[mail] SMTP_ALLOW_PRIVATE_HOSTS=true: organizations may send through hosts on private and loopback addresses (the SSRF guard is off).')
  }
  if (!env.DEFAULT_SMTP_URL) {
    getLogger().warn('[mail] DEFAULT_SMTP_URL is not set: emails of organizations without a custom provider are captured locally, not sent.')
  }
  const worker = startDeliveryWorker()
  markWorkerRunning(true)
  onShutdown(async () => {
    // claims nothing more, gives back what waits unsent at once, lets sends in progress finish (each within the
    // deadline) and records them: a deploy sends nothing twice. The race is a last resort should recording hang.
    await Promise.race([worker.stop(), new Promise((resolve) => setTimeout(resolve, env.OUTBOX_SEND_DEADLINE_MS + 5000).unref())])
    closeAllTransports()
  })
  const sendDeadlineNotices = () =>
    sendMicrosoftDeadlineNotices(database.prisma)
      .then((told) => told > 0 && wakeDeliveryWorker())
      .catch((error) => getLogger().error({ error: error instanceof Error ? error.message : String(error) }, '[notices] deadline notices failed'))
  void sendDeadlineNotices()
  const noticesTimer = setInterval(sendDeadlineNotices, DEADLINE_NOTICES_EVERY_MS).unref()
  onShutdown(async () => clearInterval(noticesTimer))
  let isStopping = false
  const stop = async (signal: NodeJS.Signals) => {
    if (isStopping) return
    isStopping = true
    markDraining()
    getLogger().info(`[server] ${signal}: shutting down`)
    await Promise.allSettled(stopHooks.map((hook) => hook()))
    await closeDatabase().catch((error) => getLogger().error({ error: error instanceof Error ? error.message : String(error) }, '[db] close failed'))
    process.exit(0)
  }
  // `on`, not `once`: a second signal (Ctrl+C reaches the whole process group) must not kill us mid-close
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
