// The browser contexts bypass the CSP: its nonce rules would refuse Playwright's measuring scripts, not the app's.
// Benchmark 3, page weight and speed: first-load JavaScript of the Email Provider page against a bare Next.js
// page built in the same run, then 20 loads in headless Chromium (TTFB, LCP) each followed by an Update.
import { gzipSync } from 'node:zlib'
import type { Page } from '@playwright/test'
import type { TConsoleApp } from './support/console-app'
import { fillProvider } from './support/console-app'
import { infoRow, maxRow, type TRow, type TSectionResult } from './support/results'
import { median } from './support/stats'

export type TChunk = { path: string; rawBytes: number; gzipBytes: number }
export type TFirstLoad = { gzipBytes: number; rawBytes: number; chunks: TChunk[] }

const KB = 1024

/** Every /_next/static/…js the page's HTML loads (script src or preload), each fetched and gzipped (level 9). */
export async function firstLoadJs(url: string, cookie?: string): Promise<TFirstLoad> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' })
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`)
  const html = await response.text()
  const paths = [...new Set([...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+?\.js)(?:\?[^"]*)?"/g)].map((match) => match[1]!))]
  const origin = new URL(url).origin
  const chunks = await Promise.all(
    paths.map(async (path) => {
      const body = Buffer.from(await (await fetch(`${origin}${path}`)).arrayBuffer())
      return { path, rawBytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length }
    }),
  )
  chunks.sort((a, b) => b.gzipBytes - a.gzipBytes)
  return { gzipBytes: chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0), rawBytes: chunks.reduce((sum, chunk) => sum + chunk.rawBytes, 0), chunks }
}

// In-page code is kept as plain strings: tsx compiles functions with a `__name` helper that the page lacks.

const READ_LOAD_TIMINGS = `new Promise((resolve) => {
  const [navigation] = performance.getEntriesByType('navigation')
  const timer = setTimeout(() => resolve({ ttfb: navigation.responseStart, lcp: NaN }), 5000)
  new PerformanceObserver((list) => {
    clearTimeout(timer)
    resolve({ ttfb: navigation.responseStart, lcp: list.getEntries().at(-1).startTime })
  }).observe({ type: 'largest-contentful-paint', buffered: true })
})`

/** Navigation TTFB (responseStart) and the final LCP of the loaded page, in ms from navigation start. */
export async function readLoadTimings(page: Page): Promise<{ ttfb: number; lcp: number }> {
  return page.evaluate(READ_LOAD_TIMINGS) as Promise<{ ttfb: number; lcp: number }>
}

// Arms the measurement: the click event on the button starts it, the first matching status/alert text ends it.
const ARM_CLICK_TIMER = (args: { buttonName: string; text: string; within?: string; roles: string }) => `(() => {
  const { buttonName, text, within, roles } = ${JSON.stringify(args)}
  const state = { clickedAt: NaN, doneAt: NaN, message: '' }
  window.__bench = state
  const scope = () => (within ? document.querySelector(within) : document.body)
  const button = [...(scope()?.querySelectorAll('button') ?? [])].find((candidate) => candidate.textContent?.trim() === buttonName)
  if (!button) throw new Error('no button ' + buttonName)
  button.addEventListener('click', () => (state.clickedAt = performance.now()), { capture: true, once: true })
  const observer = new MutationObserver(() => {
    if (Number.isNaN(state.clickedAt)) return
    const found = [...(scope()?.querySelectorAll(roles) ?? [])].find((element) => element.textContent?.includes(text))
    if (!found) return
    state.doneAt = performance.now()
    state.message = (found.innerText ?? '').trim().replace(/\\s*\\n\\s*/g, ' — ')
    observer.disconnect()
  })
  observer.observe(document.body, { childList: true, subtree: true, characterData: true })
})()`

/**
 * Clicks `button` and returns the ms from its click event to the DOM showing `text` in a status/alert element
 * (a MutationObserver in the page: no round trip to Playwright inside the measurement).
 */
export async function timeClickUntilText(
  page: Page,
  buttonName: string,
  text: string,
  options: { within?: string; roles?: string; timeoutMs?: number } = {},
): Promise<{ ms: number; message: string }> {
  await page.evaluate(ARM_CLICK_TIMER({ buttonName, text, within: options.within, roles: options.roles ?? '[role=status], [role=alert]' }))
  const scope = options.within ? page.locator(options.within) : page
  await scope.getByRole('button', { name: buttonName, exact: true }).click()
  await page.waitForFunction('!Number.isNaN(window.__bench.doneAt)', null, { timeout: options.timeoutMs ?? 30_000 })
  return page.evaluate('({ ms: window.__bench.doneAt - window.__bench.clickedAt, message: window.__bench.message })') as Promise<{
    ms: number
    message: string
  }>
}

/** Waits until the form has hydrated (its buttons are disabled until then). */
export async function waitForHydration(page: Page) {
  await page.getByRole('button', { name: 'Update' }).and(page.locator(':enabled')).waitFor({ timeout: 30_000 })
}

export async function runPage(
  app: TConsoleApp,
  bareUrl: string,
  options: { loads: number; warmups: number; log: (line: string) => void },
): Promise<TSectionResult> {
  const section = '3 Page'
  const cookie = app.storageState.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
  const ours = await firstLoadJs(app.providerUrl, cookie)
  const bare = await firstLoadJs(bareUrl)
  options.log(
    `first-load JS: ours ${(ours.gzipBytes / KB).toFixed(1)} KB gzip (${ours.chunks.length} chunks), bare ${(bare.gzipBytes / KB).toFixed(1)} KB (${bare.chunks.length})`,
  )

  const loads: Array<{ ttfb: number; lcp: number; updateMs: number }> = []
  for (let index = 0; index < options.warmups + options.loads; index++) {
    const { context, page } = await app.newAdminPage()
    try {
      await page.goto(app.providerUrl, { waitUntil: 'load' })
      const timings = await readLoadTimings(page)
      await waitForHydration(page)
      await fillProvider(page, { 'Display Name': `Bench ${index}` })
      const update = await timeClickUntilText(page, 'Update', 'Email provider updated')
      if (index >= options.warmups) loads.push({ ...timings, updateMs: update.ms })
    } finally {
      await context.close()
    }
  }
  const bareLoads: Array<{ ttfb: number; lcp: number }> = []
  for (let index = 0; index < options.warmups + options.loads; index++) {
    const context = await app.browser.newContext({ bypassCSP: true })
    try {
      const page = await context.newPage()
      await page.goto(bareUrl, { waitUntil: 'load' })
      const timings = await readLoadTimings(page)
      if (index >= options.warmups) bareLoads.push(timings)
    } finally {
      await context.close()
    }
  }
  const pick = <T>(items: T[], key: keyof T) => median(items.map((item) => item[key] as number))
  const aboveBare = (ours.gzipBytes - bare.gzipBytes) / KB
  const rows: TRow[] = [
    maxRow(
      {
        section,
        metric: 'first-load JS above the bare page',
        unit: 'KB',
        ours: aboveBare,
        target: '≤ 25 KB gzip',
        note: `ours ${(ours.gzipBytes / KB).toFixed(1)} KB in ${ours.chunks.length} chunks, bare ${(bare.gzipBytes / KB).toFixed(1)} KB in ${bare.chunks.length}`,
      },
      25,
    ),
    infoRow({
      section,
      metric: 'first-load JS, Email Provider page (gzip)',
      unit: 'KB',
      ours: ours.gzipBytes / KB,
      baseline: bare.gzipBytes / KB,
      baselineLabel: 'bare Next page',
    }),
    infoRow({
      section,
      metric: `TTFB, median of ${options.loads}`,
      unit: 'ms',
      ours: pick(loads, 'ttfb'),
      baseline: pick(bareLoads, 'ttfb'),
      baselineLabel: 'bare page',
    }),
    maxRow(
      {
        section,
        metric: `LCP, median of ${options.loads}`,
        unit: 'ms',
        ours: pick(loads, 'lcp'),
        baseline: pick(bareLoads, 'lcp'),
        baselineLabel: 'bare page',
        target: '≤ 400 ms',
      },
      400,
    ),
    maxRow(
      {
        section,
        metric: `Update → "Email provider updated", median of ${options.loads}`,
        unit: 'ms',
        ours: pick(loads, 'updateMs'),
        target: '≤ 150 ms',
        note: `max ${Math.max(...loads.map((load) => load.updateMs)).toFixed(0)} ms`,
      },
      150,
    ),
  ]
  return { rows, details: { firstLoad: { ours, bare }, loads, bareLoads } }
}
