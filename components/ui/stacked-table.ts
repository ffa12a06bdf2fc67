// A table that is a list of "label: value" cards below md (the label from each cell's data-label) and a table from
// md up, so no page is ever wider than a phone's screen.
export const STACKED_TABLE = 'block w-full text-left text-sm md:table'
export const STACKED_HEAD = 'sr-only bg-slate-50 text-xs text-slate-500 uppercase md:not-sr-only md:table-header-group'
export const STACKED_BODY = 'block divide-y divide-slate-100 md:table-row-group'
export const STACKED_ROW = 'block py-2 md:table-row md:py-0'
export const STACKED_CELL =
  'flex gap-3 px-4 py-1 md:table-cell md:px-4 md:py-3 before:w-24 before:shrink-0 before:text-xs before:font-semibold before:text-slate-500 before:uppercase before:content-[attr(data-label)] md:before:content-none'
