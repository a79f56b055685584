/**
 * The sizes the READMEs quote, measured, never typed: `npx tsx scripts/readmeSizes.ts` writes them
 * into the block between `<!-- sizes:begin -->` and `<!-- sizes:end -->` of README.md and the
 * package README, from the dist/ of the last build (`npm run build`); `--check` only says whether
 * the blocks are current (scripts/budgets.ts runs the same check after its build, so `npm test`
 * fails on a stale README). Gzip at level 9, as the budgets measure; rounded to whole KB (1,024
 * bytes) so a small change does not make every README stale.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { measure } from '../bench/sizes'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const README_FILES = ['README.md', 'src/embed/package/README.md'] as const
const BEGIN = '<!-- sizes:begin (scripts/readmeSizes.ts writes this block) -->'
const END = '<!-- sizes:end -->'

const kb = (n: number) => `${Math.round(n / 1024)} KB`

/** The block's text from a build in `dist`. */
export function sizesBlock(dist: string): string {
  const element = measure('element', dist, ['lambda-models.js'])
  const lessons = measure('lessons', dist, ['lambda-models-lessons.js'])
  const reserve = measure('reserve', dist, ['lambda-models.css'])
  return [
    BEGIN,
    '| File (package name) | What | Size |',
    '|---|---|---|',
    `| \`lambda-models.js\` (\`element.js\`) | the custom element: Preact (not React), the view and its CSS | ${kb(element.gzipBytes)} gzip (${kb(element.bytes)} raw) |`,
    `| \`lambda-models-lessons.js\` (\`element-lessons.js\`) | its lessons companion, fetched only by an element with \`lesson\` | ${kb(lessons.gzipBytes)} gzip |`,
    `| \`lambda-models.css\` (\`element.css\`) | the element's box before its script runs, for the page's head | ${reserve.bytes} bytes |`,
    END,
  ].join('\n')
}

/** Each README with its block replaced; throws if a README has no block. */
export function withSizes(text: string, block: string, file: string): string {
  const from = text.indexOf(BEGIN)
  const to = text.indexOf(END)
  if (from < 0 || to < from) throw new Error(`${file}: no ${BEGIN} … ${END} block`)
  return text.slice(0, from) + block + text.slice(to + END.length)
}

/** The READMEs whose block differs from a build in `dist`. */
export function staleReadmes(dist: string): string[] {
  const block = sizesBlock(dist)
  return README_FILES.filter((f) => {
    const text = readFileSync(join(root, f), 'utf8')
    return withSizes(text, block, f) !== text
  })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dist = join(root, 'dist')
  if (process.argv.includes('--check')) {
    const stale = staleReadmes(dist)
    console.log(stale.length === 0 ? 'README sizes are current' : `stale sizes in ${stale.join(', ')}`)
    process.exitCode = stale.length === 0 ? 0 : 1
  } else {
    const block = sizesBlock(dist)
    for (const f of README_FILES) {
      const path = join(root, f)
      writeFileSync(path, withSizes(readFileSync(path, 'utf8'), block, f))
    }
    console.log(block)
  }
}
