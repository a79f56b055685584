// No layout jump on any documented path (issue 21, items 1, 2 and 5), in the real sites built by
// scripts/test-docs.mjs: the element through Docusaurus's clientModules and VitePress's theme (its
// script held back 1.5 s, as on a busy machine, so only element.css can hold its box), and the React
// component's server frame, which must have its live height under Infima's and VitePress's rules.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'

const DOCUSAURUS = process.env.DOCS_DOCUSAURUS_URL
const VITEPRESS = process.env.DOCS_VITEPRESS_URL

const WIDTHS = [
  { name: 'a 390 px phone', viewport: { width: 390, height: 844 }, col: null },
  { name: 'a 672 px column', viewport: { width: 1280, height: 800 }, col: 672 },
  { name: 'a 760 px column', viewport: { width: 1280, height: 800 }, col: 760 },
  { name: 'a 1280 px window', viewport: { width: 1280, height: 800 }, col: null },
] as const

/** Layout shifts from before the first paint, with what moved; `col`: the embeds' column width. */
async function recordShifts(page: Page, ids: readonly string[], col: number | null): Promise<void> {
  await page.addInitScript(
    ({ ids, col }) => {
      const w = window as unknown as { __shifts: string[] }
      w.__shifts = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as {
          value: number
          hadRecentInput: boolean
          sources?: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[]
        }[]) {
          if (e.hadRecentInput) continue
          const moved = (e.sources ?? []).map((s) => {
            const n = s.node as Element | undefined
            return `${n?.id || n?.className || s.node?.nodeName} ${s.previousRect.height}->${s.currentRect.height}`
          })
          w.__shifts.push(`${e.value.toFixed(4)}: ${moved.join('; ')}`)
        }
      }).observe({ type: 'layout-shift', buffered: true })
      if (col) {
        const style = document.createElement('style')
        style.textContent = `${ids.map((id) => `#${id}`).join(', ')} { width: ${col}px; max-width: 100%; }`
        document.documentElement.append(style)
      }
    },
    { ids, col },
  )
}

/**
 * The site's scripts are held until the test has looked at the first paint (HTML and CSS only),
 * then let through: a gate, not a delay, so a loaded machine cannot run them before the look.
 */
async function heldScripts(page: Page): Promise<() => void> {
  let release = () => {}
  const gate = new Promise<void>((r) => {
    release = r
    // Never hang a test that fails before releasing.
    setTimeout(r, 30_000)
  })
  await page.route(/\.js(\?|$)/, async (route) => {
    await gate
    await route.continue()
  })
  return release
}

async function frames(page: Page, n = 5): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((done) => {
        let i = 0
        const tick = () => (++i >= count ? done() : requestAnimationFrame(tick))
        requestAnimationFrame(tick)
      }),
    n,
  )
}

const ELEMENT_PATHS = [
  { site: 'docusaurus (clientModules)', url: DOCUSAURUS, path: '/element', ids: ['element'], first: 'element' },
  { site: 'vitepress (theme import)', url: VITEPRESS, path: '/', ids: ['first', 'second'], first: 'first' },
]

for (const p of ELEMENT_PATHS) {
  test.describe(`${p.site}: the element holds its box before its script runs`, () => {
    test.skip(!p.url, 'the site was not built')
    for (const { name, viewport, col } of WIDTHS) {
      test(`CLS 0 in ${name}, the embed in view at load`, async ({ page }) => {
        await page.setViewportSize(viewport)
        await recordShifts(page, p.ids, col)
        const release = await heldScripts(page)
        await page.goto(`${p.url}${p.path}`, { waitUntil: 'commit' })
        const el = page.locator(`#${p.first} lambda-models`)
        await expect(el).toBeAttached()
        // Before the script: its reserved box, in view.
        await frames(page, 2)
        expect(await el.evaluate((e) => e.matches(':defined'))).toBe(false)
        const reserved = await el.evaluate((e) => e.getBoundingClientRect().height)
        expect(reserved).toBeGreaterThanOrEqual(560)
        await expect(el).toBeInViewport()
        release()
        await expect(el.locator('[data-testid="stage"]')).toHaveAttribute('data-step', '0', { timeout: 15_000 })
        await frames(page)
        expect(await el.evaluate((e) => e.getBoundingClientRect().height)).toBeCloseTo(reserved, 0)
        expect(await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts)).toEqual([])
      })
    }
  })
}

/** VitePress's default theme on bare elements in its content (`.vp-doc`), put on Docusaurus's `.markdown`. */
const VITEPRESS_RULES = `
.markdown p, .markdown summary { margin: 16px 0; line-height: 28px; }
.markdown ul, .markdown ol { padding-left: 1.25rem; margin: 16px 0; }
.markdown ul { list-style: disc; }
.markdown li + li { margin-top: 8px; }
.markdown li > ol, .markdown li > ul { margin: 8px 0 0; }
.markdown h2 { margin: 48px 0 16px; line-height: 32px; font-size: 24px; }
.markdown button, .markdown label { line-height: 1.9; letter-spacing: 0.02em; }
img, svg, video { display: block; vertical-align: middle; max-width: 100%; }
`

test.describe('docusaurus: the React server frame has its live height under host themes', () => {
  test.skip(!DOCUSAURUS, 'docusaurus was not built')
  for (const theme of ['Infima', "VitePress's rules"] as const) {
    for (const { name, viewport, col } of [WIDTHS[0], WIDTHS[2]]) {
      test(`${theme}, ${name}: the same height before and after hydration, CLS 0`, async ({ browser }) => {
        const column = col ? `#first, #second { width: ${col}px; max-width: 100%; }` : ''
        const extra = `<style>${theme === 'Infima' ? '' : VITEPRESS_RULES}${column}</style>`
        const withTheme = async (page: Page) => {
          await page.setViewportSize(viewport)
          await page.route(
            (u) => u.pathname === '/',
            async (route) => {
              const res = await route.fetch()
              await route.fulfill({ response: res, body: (await res.text()).replace('</head>', `${extra}</head>`) })
            },
          )
        }
        const heights = (page: Page) =>
          page.evaluate(() =>
            ['first', 'second'].map((id) => document.querySelector(`#${id}`)!.getBoundingClientRect().height),
          )
        // The server frame alone: the site's scripts never arrive.
        const still = await browser.newContext()
        const ssr = await still.newPage()
        await withTheme(ssr)
        await ssr.route(/\.js(\?|$)/, (route) => route.abort())
        await ssr.goto(`${DOCUSAURUS}/`)
        const before = await heights(ssr)
        await still.close()
        const context = await browser.newContext()
        const page = await context.newPage()
        await withTheme(page)
        await recordShifts(page, ['first', 'second'], null)
        await page.goto(`${DOCUSAURUS}/`)
        await expect(page.locator('#second [data-testid="stage"]')).toHaveAttribute('data-model', 'sqs')
        await expect(page.locator('#first svg.lem-stage-svg')).toHaveCount(1)
        await frames(page)
        const after = await heights(page)
        expect(after.map(Math.round)).toEqual(before.map(Math.round))
        expect(await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts)).toEqual([])
        await context.close()
      })
    }
  }
})
