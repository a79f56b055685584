// The theme's colours live once (src/view/CONTEXT.md, "Styles"): styles.css holds the palette and
// present.css the presentation palette, each variable one `light-dark(<light>, <dark>)` line picked
// by `color-scheme`. These checks read the stylesheets themselves, so a second copy (a dark block, a
// `prefers-color-scheme` block, a hex colour in a component's CSS or TSX) fails here.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const THEME_SOURCES = ['src/view/styles.css', 'src/app/present/present.css']

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort()
}

const CSS_FILES = files('src', /\.css$/)

interface Rule {
  readonly selector: string
  readonly body: string
}

/** The innermost rules (an @media block's rules included), comments dropped. */
function rules(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '')
  return [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({ selector: m[1]!.trim(), body: m[2]! }))
}

const LITERAL_COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|light-dark|oklch|lab)\(/i

/** `--lem-*` declarations that hold a colour of their own (not an alias such as `var(--lem-accent)`). */
function colourDefinitions(css: string): string[] {
  return rules(css).flatMap((r) =>
    [...r.body.matchAll(/(--lem-[\w-]+)\s*:([^;]*)/g)].filter((d) => LITERAL_COLOUR.test(d[2]!)).map((d) => d[1]!),
  )
}

const read = (file: string) => readFileSync(file, 'utf8')

describe('theme colours are defined once', () => {
  it('finds the stylesheets it checks', () => {
    for (const f of THEME_SOURCES) expect(CSS_FILES).toContain(f)
    expect(colourDefinitions(read('src/view/styles.css'))).toContain('--lem-bg')
  })

  for (const file of THEME_SOURCES) {
    it(`${file}: every --lem-* colour variable is defined once`, () => {
      const names = colourDefinitions(read(file))
      const twice = names.filter((n, i) => names.indexOf(n) !== i)
      expect(twice, `defined more than once in ${file}`).toEqual([])
    })
  }

  it('the presentation palette only overrides colours the theme defines', () => {
    const theme = new Set(colourDefinitions(read('src/view/styles.css')))
    const present = colourDefinitions(read('src/app/present/present.css'))
    expect(present.filter((n) => !theme.has(n))).toEqual([])
  })

  it('no dark or system-dark copy: data-theme rules only set color-scheme, no prefers-color-scheme block', () => {
    for (const file of CSS_FILES) {
      const css = read(file)
      expect(css, file).not.toMatch(/prefers-color-scheme/)
      for (const r of rules(css).filter((x) => x.selector.includes('[data-theme')))
        expect(r.body.trim(), `${file}: ${r.selector}`).toMatch(/^color-scheme:\s*(light|dark);?$/)
    }
  })

  it('no other stylesheet holds a colour of its own (shadows and the blanked screen aside)', () => {
    for (const file of CSS_FILES.filter((f) => !THEME_SOURCES.includes(f))) {
      const css = read(file).replace(/\/\*[\s\S]*?\*\//g, '')
      // rgb(0 0 0 / n%) is a shadow's darkness, the same in both themes.
      const colours = css.replace(/rgb\(0 0 0 \/ \d+%\)/g, '').match(new RegExp(LITERAL_COLOUR, 'gi')) ?? []
      expect(colours, file).toEqual([])
    }
  })

  it('no colour in the view and app code (TS and TSX draw with the stylesheets)', () => {
    for (const file of [
      ...files('src/view', /\.tsx?$/),
      ...files('src/app', /\.tsx?$/),
      ...files('src/embed', /\.tsx?$/),
    ])
      expect(read(file).match(new RegExp(LITERAL_COLOUR, 'gi')) ?? [], file).toEqual([])
  })
})
