// The package in real docs sites (issue 12, item 8): examples/docusaurus-site (the React component
// in MDX, plus the custom element registered by clientModules) and examples/vitepress-site (the
// custom element, registered in the theme). Built and served by scripts/test-docs.mjs.
import { expect, test } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

interface Site {
  readonly name: string
  readonly url: string | undefined
  /** What the server-rendered HTML of the first page must contain, once per embed. */
  readonly ssrMarker: RegExp
  readonly ssrCount: number
  readonly darkToggle: (page: Page) => Locator
  readonly linkAway: (page: Page) => Locator
  readonly linkBack: (page: Page) => Locator
}

const SITES: readonly Site[] = [
  {
    name: 'docusaurus',
    url: process.env.DOCS_DOCUSAURUS_URL,
    // The component renders its first frame on the server: the stage itself, nodes and all.
    ssrMarker: /data-testid="stage"/g,
    ssrCount: 2,
    darkToggle: (page) => page.getByRole('button', { name: /dark and light mode/i }).first(),
    linkAway: (page) => page.locator('.navbar').getByRole('link', { name: 'Other' }),
    linkBack: (page) => page.locator('.navbar').getByRole('link', { name: 'Retries' }),
  },
  {
    name: 'vitepress',
    url: process.env.DOCS_VITEPRESS_URL,
    // A custom element has no server render of its own; the tags and their attributes are there.
    ssrMarker: /<lambda-models scenario="[a-z-]+"/g,
    ssrCount: 2,
    darkToggle: (page) => page.locator('.VPNavBar .VPSwitchAppearance').first(),
    linkAway: (page) => page.locator('.VPNavBar').getByRole('link', { name: 'Other' }),
    linkBack: (page) => page.locator('.VPNavBar').getByRole('link', { name: 'Retries' }),
  },
]

const stage = (page: Page, id: string) => page.locator(`#${id} [data-testid="stage"]`)

/** Counts what an embed could leave behind: window listeners, observers, animation frames. */
async function instrument(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __lem: Record<string, number> }
    w.__lem = { listeners: 0, frames: 0 }
    const add = window.addEventListener.bind(window)
    const remove = window.removeEventListener.bind(window)
    const live = new Set<unknown>()
    window.addEventListener = ((type: string, fn: EventListenerOrEventListenerObject, o?: unknown) => {
      if (!live.has(fn)) w.__lem.listeners! += 1
      live.add(fn)
      return add(type, fn, o as AddEventListenerOptions)
    }) as typeof window.addEventListener
    window.removeEventListener = ((type: string, fn: EventListenerOrEventListenerObject, o?: unknown) => {
      if (live.delete(fn)) w.__lem.listeners! -= 1
      return remove(type, fn, o as EventListenerOptions)
    }) as typeof window.removeEventListener
    // observers: what observers still watch, as (observer, node) pairs; see detachedObserved below.
    const watched = new Map<object, Set<Node>>()
    ;(window as unknown as { __lemWatched: typeof watched }).__lemWatched = watched
    for (const name of ['MutationObserver', 'ResizeObserver', 'IntersectionObserver'] as const) {
      const proto = (window[name] as unknown as { prototype: Record<string, (...a: unknown[]) => unknown> }).prototype
      const { observe, unobserve, disconnect } = proto
      proto.observe = function (this: object, ...a: unknown[]) {
        if (!watched.has(this)) watched.set(this, new Set())
        watched.get(this)!.add(a[0] as Node)
        return observe!.apply(this, a)
      }
      if (unobserve) {
        proto.unobserve = function (this: object, ...a: unknown[]) {
          watched.get(this)?.delete(a[0] as Node)
          return unobserve.apply(this, a)
        }
      }
      proto.disconnect = function (this: object) {
        watched.delete(this)
        return disconnect!.apply(this)
      }
    }
    // frames: animation frames asked for and neither run nor cancelled (a running loop keeps one).
    const raf = window.requestAnimationFrame.bind(window)
    const caf = window.cancelAnimationFrame.bind(window)
    const pending = new Set<number>()
    window.requestAnimationFrame = (cb) => {
      const id = raf((t) => {
        if (pending.delete(id)) w.__lem.frames! -= 1
        cb(t)
      })
      pending.add(id)
      w.__lem.frames! += 1
      return id
    }
    window.cancelAnimationFrame = (id) => {
      if (pending.delete(id)) w.__lem.frames! -= 1
      caf(id)
    }
  })
}

/** Window listeners, pending animation frames, and nodes still observed though no longer in the page. */
const counts = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __lem: Record<string, number>; __lemWatched: Map<object, Set<Node>> }
    // An embed's nodes: in its shadow root, or carrying its lem-* classes. (The sites' own leftovers,
    // such as Docusaurus's link-prefetch observers on removed links, are theirs, not ours.)
    const ours = (n: Node): boolean => {
      const r = n.getRootNode()
      if (r instanceof ShadowRoot) return r.host.matches('lambda-models, .lem-lib-host')
      return n instanceof Element && !!n.closest('[class*="lem-"], lambda-models')
    }
    let detached = 0
    let html = 0
    for (const nodes of w.__lemWatched.values()) {
      for (const n of nodes) {
        if (!n.isConnected && ours(n)) detached += 1
        if (n === document.documentElement) html += 1
      }
    }
    return { listeners: w.__lem.listeners ?? 0, frames: w.__lem.frames ?? 0, observers: detached, html }
  })

for (const site of SITES) {
  test.describe(site.name, () => {
    test.skip(!site.url, `${site.name} was not built (see the test:docs output above)`)
    const errors: string[] = []

    test.beforeEach(async ({ page }) => {
      errors.length = 0
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
      page.on('console', (m) => {
        // A failed request is reported below with its URL.
        if (/^Failed to load resource/.test(m.text())) return
        if (m.type() === 'error' || /hydration/i.test(m.text())) errors.push(`console.${m.type()}: ${m.text()}`)
      })
      page.on('response', (r) => {
        if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`)
      })
      await instrument(page)
    })

    test('the server-rendered page already holds each embed', async ({ request }) => {
      const html = await (await request.get(`${site.url}/`)).text()
      expect(html.match(site.ssrMarker)?.length ?? 0).toBe(site.ssrCount)
      if (site.name === 'docusaurus') expect((html.match(/class="lem-node /g) ?? []).length).toBeGreaterThanOrEqual(6)
    })

    test('hydrates without an error, both embeds live', async ({ page }) => {
      await page.goto(`${site.url}/`)
      await expect(stage(page, 'first')).toHaveAttribute('data-model', 'async')
      await expect(stage(page, 'second')).toHaveAttribute('data-model', 'sqs')
      await expect(page.locator('#first').getByRole('button', { name: 'Step forward' })).toBeEnabled()
      await page.locator('#first').getByRole('button', { name: 'Step forward' }).click()
      await expect(stage(page, 'first')).toHaveAttribute('data-step', '1')
      expect(errors).toEqual([])
    })

    test('two instances are independent', async ({ page }) => {
      await page.goto(`${site.url}/`)
      const first = page.locator('#first')
      // A click on the server frame before it hydrates does nothing (as on any server-rendered page):
      // the first step is clicked until it takes, then the second once.
      await expect(async () => {
        await first.getByRole('button', { name: 'Step forward' }).click()
        await expect(stage(page, 'first')).not.toHaveAttribute('data-step', '0', { timeout: 1000 })
      }).toPass()
      await expect(stage(page, 'first')).toHaveAttribute('data-step', '1')
      await first.getByRole('button', { name: 'Step forward' }).click()
      await expect(stage(page, 'first')).toHaveAttribute('data-step', '2')
      await expect(stage(page, 'second')).toHaveAttribute('data-step', '0')
      // One beat: sqs-batch-failure's first beat is its 30 messages sent at 0 ms.
      await page.locator('#second').getByRole('button', { name: 'Step forward' }).click()
      await expect(stage(page, 'second')).not.toHaveAttribute('data-step', '0')
      await expect(stage(page, 'first')).toHaveAttribute('data-step', '2')
    })

    test("theme=auto follows the site's dark toggle, both ways", async ({ page }) => {
      await page.goto(`${site.url}/`)
      const root = page.locator('#first .lem-root')
      await expect(stage(page, 'first')).toHaveAttribute('data-model', 'async')
      // Docusaurus says light (data-theme); VitePress says nothing in light mode (the system's, light here).
      await expect(root).not.toHaveAttribute('data-theme', 'dark')
      await site.darkToggle(page).click()
      await expect(root).toHaveAttribute('data-theme', 'dark')
      await expect(page.locator('#second .lem-root')).toHaveAttribute('data-theme', 'dark')
      await site.darkToggle(page).click()
      // Back to light, explicitly, even though VitePress only removes its class `dark`.
      await expect(root).toHaveAttribute('data-theme', 'light')
    })

    test('client-side navigation away and back leaks nothing and the embeds come back fresh', async ({ page }) => {
      await page.goto(`${site.url}/`)
      await expect(stage(page, 'first')).toHaveAttribute('data-model', 'async')
      await page.locator('#first').getByRole('button', { name: 'Play' }).click()
      const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length)
      await site.linkAway(page).click()
      await expect(page.locator('h1')).toHaveText(/Another page/)
      await expect(page.locator('.lem-root')).toHaveCount(0)
      const away1 = await counts(page)
      await site.linkBack(page).click()
      await expect(stage(page, 'first')).toHaveAttribute('data-model', 'async')
      await expect(stage(page, 'first')).toHaveAttribute('data-step', '0')
      await page.locator('#first').getByRole('button', { name: 'Play' }).click()
      await site.linkAway(page).click()
      await expect(page.locator('h1')).toHaveText(/Another page/)
      // Polled: the site tears the old page down over a few ticks after the new heading shows (and
      // runs its own listeners and <html> observers meanwhile); a leak is what is still there after.
      // usePageTheme watches <html>; each unmounted embed must have let go of it.
      await expect
        .poll(async () => {
          const away2 = await counts(page)
          return { listeners: away2.listeners, html: away2.html, detachedObserved: away2.observers }
        })
        .toEqual({ listeners: away1.listeners, html: away1.html, detachedObserved: 0 })
      // Nothing keeps animating once the embeds are gone: two frames later, no frame is pending.
      const pending = await page.evaluate(
        () =>
          new Promise<number>((r) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => r((window as unknown as { __lem: { frames: number } }).__lem.frames)),
            ),
          ),
      )
      expect(pending).toBe(0)
      expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(loads)
      expect(errors).toEqual([])
    })
  })
}

test.describe('docusaurus: the custom element', () => {
  const url = process.env.DOCS_DOCUSAURUS_URL
  test.skip(!url, 'docusaurus was not built')

  test('works when the reader arrives by client-side navigation (script registered by clientModules)', async ({
    page,
  }) => {
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${url}/other`)
    await page.locator('.navbar').getByRole('link', { name: 'Element' }).click()
    await expect(page.locator('#element [data-testid="stage"]')).toHaveAttribute('data-model', 'sync')
    expect(
      await page.locator('#element lambda-models').evaluate((e) => e.getBoundingClientRect().height),
    ).toBeGreaterThan(200)
    expect(errors).toEqual([])
  })
})

/** Sums the page's layout shifts (what CLS adds up) from before the first paint, with what moved. */
async function recordShifts(page: Page, col: number | null): Promise<void> {
  await page.addInitScript((width) => {
    const w = window as unknown as { __shifts: { value: number; moved: string[] }[] }
    w.__shifts = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as {
        value: number
        hadRecentInput: boolean
        sources?: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[]
      }[]) {
        if (e.hadRecentInput) continue
        w.__shifts.push({
          value: e.value,
          moved: (e.sources ?? []).map(
            (s) =>
              `${(s.node as Element | undefined)?.id || (s.node as Element | undefined)?.className || s.node?.nodeName}: ${s.previousRect.y},${s.previousRect.height} -> ${s.currentRect.y},${s.currentRect.height}`,
          ),
        })
      }
    }).observe({ type: 'layout-shift', buffered: true })
    if (width) {
      // A docs column of this width: the embeds' containers, as a theme with that column would give them.
      const style = document.createElement('style')
      style.textContent = `#first, #second { width: ${width}px; max-width: 100%; }`
      document.documentElement.append(style)
    }
  }, col)
}

test.describe('docusaurus: no layout jump (issue 12, item 3)', () => {
  const url = process.env.DOCS_DOCUSAURUS_URL
  test.skip(!url, 'docusaurus was not built')
  for (const { name, viewport, col } of [
    { name: 'a 390 px phone', viewport: { width: 390, height: 844 }, col: null },
    { name: 'a 672 px column', viewport: { width: 1280, height: 800 }, col: 672 },
    { name: 'a 760 px column', viewport: { width: 1280, height: 800 }, col: 760 },
    { name: 'a 1280 px window (its 700 px column)', viewport: { width: 1280, height: 800 }, col: null },
  ]) {
    test(`the server frame is the live frame in ${name}: CLS 0`, async ({ page }) => {
      await page.setViewportSize(viewport)
      await recordShifts(page, col)
      await page.goto(`${url}/`)
      await expect(stage(page, 'second')).toHaveAttribute('data-model', 'sqs')
      // Live: each embed draws one stage, inside its shadow root.
      await expect(page.locator('#first svg.lem-stage-svg')).toHaveCount(1)
      await page.evaluate(
        () =>
          new Promise<void>((done) => {
            let n = 0
            const tick = () => (++n >= 5 ? done() : requestAnimationFrame(tick))
            requestAnimationFrame(tick)
          }),
      )
      const shifts = await page.evaluate(() => (window as unknown as { __shifts: unknown[] }).__shifts)
      expect(shifts).toEqual([])
    })
  }
})

test.describe('docusaurus: fixed heights keep the controls in view (issue 12, item 4)', () => {
  const url = process.env.DOCS_DOCUSAURUS_URL
  test.skip(!url, 'docusaurus was not built')
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    test(`the React component at 300, 480 and 560 px, ${viewport.width} px wide`, async ({ page }) => {
      await page.setViewportSize(viewport)
      await page.goto(`${url}/fixed`)
      for (const h of [300, 480, 560]) {
        const embed = page.locator(`#h${h}`)
        // Only the page scrolls to the embed; inside it nothing is scrolled to reveal the controls.
        await embed.scrollIntoViewIfNeeded()
        await expect(embed.locator('[data-testid="stage"]')).toHaveAttribute('data-step', '0')
        expect(Math.round(await embed.locator('.lem-lib-host').evaluate((e) => e.getBoundingClientRect().height))).toBe(
          h,
        )
        for (const control of [
          embed.getByRole('button', { name: 'Play' }),
          embed.getByRole('button', { name: 'Step forward' }),
          embed.getByTestId('beat-counter').filter({ visible: true }).first(),
        ]) {
          await expect(control).toBeInViewport({ ratio: 1 })
        }
      }
    })
  }
})
