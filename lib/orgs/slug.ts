/** A URL slug from an organization name: lowercase ASCII words joined by dashes. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '')
  return slug || 'org'
}

/** The next candidate when `base` is taken: base-2, base-3, … then a random suffix. */
export function slugCandidate(base: string, attempt: number): string {
  if (attempt === 0) return base
  if (attempt < 5) return `${base}-${attempt + 1}`
  return `${base}-${Math.random().toString(36).slice(2, 8)}`
}

/** Whether `value` could be a slug we issue (checked before any query: a NUL byte or 10 kB of junk never reaches the database). */
export function isSlugShaped(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z0-9][a-z0-9-]{0,99}$/.test(value)
}
