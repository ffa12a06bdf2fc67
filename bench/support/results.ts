// One row of the benchmark table, and how a row is judged against its target.

export type TRow = {
  /** which benchmark of the issue: 1–4 */
  section: string
  metric: string
  unit: string
  ours: number | null
  baseline?: number | null
  baselineLabel?: string
  /** ours ÷ baseline */
  ratio?: number | null
  target?: string
  met?: boolean | null
  note?: string
}

export type TSectionResult = { rows: TRow[]; details: Record<string, unknown> }

/** ours ÷ baseline, or null when either is missing. */
export function ratioOf(ours: number | null | undefined, baseline: number | null | undefined): number | null {
  if (ours == null || baseline == null || !Number.isFinite(ours) || !Number.isFinite(baseline) || baseline === 0) return null
  return ours / baseline
}

/** A row compared with a baseline, met when ours ÷ baseline ≥ minRatio. */
export function ratioRow(row: Omit<TRow, 'ratio' | 'met'>, minRatio: number): TRow {
  const ratio = ratioOf(row.ours, row.baseline)
  return { ...row, ratio, met: ratio === null ? false : ratio >= minRatio }
}

/** A row compared with a baseline, met when ours ÷ baseline ≤ maxRatio (a cost: lower is better). */
export function maxRatioRow(row: Omit<TRow, 'ratio' | 'met'>, maxRatio: number): TRow {
  const ratio = ratioOf(row.ours, row.baseline)
  return { ...row, ratio, met: ratio === null ? false : ratio <= maxRatio }
}

/** A row with an absolute upper bound. */
export function maxRow(row: Omit<TRow, 'ratio' | 'met'>, max: number): TRow {
  return { ...row, ratio: ratioOf(row.ours, row.baseline), met: row.ours === null ? false : row.ours <= max }
}

/** An informational row (a baseline or a breakdown): no target. */
export function infoRow(row: Omit<TRow, 'ratio' | 'met' | 'target'>): TRow {
  return { ...row, ratio: ratioOf(row.ours, row.baseline), met: null }
}
