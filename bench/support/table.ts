// The printed table: metric | ours | baseline | ratio | target | met?
import type { TRow } from './results'

function formatNumber(value: number | null | undefined, unit: string): string {
  if (value == null || !Number.isFinite(value)) return '—'
  if (unit === '') return String(Math.round(value))
  // per-message costs are small: 0.15 statements/msg must not read as the 0.2 it is compared with
  const perMessage = unit.endsWith('/msg') ? (Math.abs(value) < 1 ? 3 : 2) : null
  const digits = perMessage ?? (unit === 's' ? 2 : unit === 'KB' ? 1 : Math.abs(value) >= 100 ? 0 : 1)
  return `${value.toFixed(digits)} ${unit}`
}

const verdict = (met: boolean | null | undefined) => (met === true ? 'yes' : met === false ? 'NO' : '')

/** Renders rows as a plain-text table (Markdown-compatible), grouped by section. */
export function formatTable(rows: TRow[]): string {
  const header = ['metric', 'ours', 'baseline', 'ratio', 'target', 'met?']
  const body = rows.map((row) => [
    `${row.section.split(' ')[0]}. ${row.metric}`,
    formatNumber(row.ours, row.unit),
    row.baseline == null ? '—' : `${formatNumber(row.baseline, row.unit)}${row.baselineLabel ? ` (${row.baselineLabel})` : ''}`,
    // three decimals below 1: 0.799× must not read as the 0.8× it misses
    row.ratio == null ? '—' : `${row.ratio.toFixed(row.ratio < 1 ? 3 : 2)}×`,
    row.target ?? '',
    verdict(row.met),
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)))
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...body.map(line)].join('\n')
}

/** The notes of rows that have one, numbered like the table. */
export function formatNotes(rows: TRow[]): string {
  return rows
    .filter((row) => row.note)
    .map((row) => `  ${row.section.split(' ')[0]}. ${row.metric}: ${row.note}`)
    .join('\n')
}
