// Runs once per server process, before the first request: config, database, delivery worker, clean shutdown.
export async function register() {
  // `next build` also loads this file to prerender static pages: never open the database then.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  const { startServerRuntime } = await import('@/lib/server/runtime')
  await startServerRuntime()
}
