// Every relative link and #anchor in the README and docs/ leads somewhere: the file exists and, for a Markdown page,
// the anchor is one of its headings' GitHub slugs.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { headingAnchors, relativeLinks } from '../support/markdown-links'

const root = fileURLToPath(new URL('../..', import.meta.url))
const docs = readdirSync(join(root, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`)
const pages = ['README.md', ...docs, 'bench/README.md', 'tests/README.md']

/** Why a link from this page does not resolve, or null when it does. */
function brokenReason(page: string, target: string): string | null {
  const [pathPart, anchor] = target.split('#', 2)
  const file = pathPart ? join(dirname(join(root, page)), decodeURIComponent(pathPart)) : join(root, page)
  if (!existsSync(file)) return `no file ${relative(root, file)}`
  if (anchor === undefined || !file.endsWith('.md')) return null
  return headingAnchors(readFileSync(file, 'utf8')).has(anchor) ? null : `no heading #${anchor} in ${relative(root, file)}`
}

describe('documentation links', () => {
  it.each(pages)('every relative link and anchor in %s resolves', (page) => {
    const broken = relativeLinks(readFileSync(join(root, page), 'utf8'))
      .map(({ line, target }) => ({ line, target, reason: brokenReason(page, target) }))
      .filter((link) => link.reason !== null)
    expect(broken).toEqual([])
  })

  it('reads anchors as GitHub slugs them', () => {
    const anchors = headingAnchors('# Mail`gate`\n## Running in production\n## FAQ\n## FAQ\n```\n# not a heading\n```\n### `lib/` & [API](x)')
    expect([...anchors]).toEqual(['mailgate', 'running-in-production', 'faq', 'faq-1', 'lib--api'])
  })

  it('finds links outside code only, and leaves out absolute URLs', () => {
    const markdown = '[a](docs/a.md#x) ![shot](img.png) [web](https://example.com) `[b](b.md)`\n```\n[c](c.md)\n```\n[d]: d.md'
    expect(relativeLinks(markdown).map((link) => link.target)).toEqual(['docs/a.md#x', 'img.png', 'd.md'])
  })
})
