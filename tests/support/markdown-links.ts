// What a Markdown page links to and which anchors its headings give, as GitHub renders them.
import GithubSlugger from 'github-slugger'

export type TMarkdownLink = { line: number; target: string }

const FENCE = /^\s*(```|~~~)/
const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/
// [text](target "title") and ![alt](target); the text may hold one level of brackets, e.g. [`a[0]`](x)
const INLINE_LINK = /!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/
const CODE_SPAN = /(`+)[\s\S]*?\1/g
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i

/** The page's lines outside fenced code blocks, each with its 1-based line number. */
function proseLines(markdown: string): { line: number; text: string }[] {
  let isInFence = false
  const lines: { line: number; text: string }[] = []
  markdown.split('\n').forEach((text, index) => {
    if (FENCE.test(text)) isInFence = !isInFence
    else if (!isInFence) lines.push({ line: index + 1, text })
  })
  return lines
}

/** A heading's text as GitHub slugs it: code spans keep their content, links their text, tags and emphasis go. */
function headingText(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** Every #anchor the page's headings give, duplicates numbered (-1, -2…) as GitHub does. */
export function headingAnchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger()
  const anchors = new Set<string>()
  for (const { text } of proseLines(markdown)) {
    const heading = HEADING.exec(text)
    if (heading) anchors.add(slugger.slug(headingText(heading[1])))
  }
  return anchors
}

/** Every link of the page that stays in the repository (no scheme): relative paths and #anchors. */
export function relativeLinks(markdown: string): TMarkdownLink[] {
  const links: TMarkdownLink[] = []
  for (const { line, text } of proseLines(markdown)) {
    const prose = text.replace(CODE_SPAN, '')
    const targets = [...prose.matchAll(INLINE_LINK)].map((match) => match[1])
    const definition = REFERENCE_DEFINITION.exec(prose)
    if (definition) targets.push(definition[1])
    for (const target of targets) if (!HAS_SCHEME.test(target)) links.push({ line, target })
  }
  return links
}
