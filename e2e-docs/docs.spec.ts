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
    w.__lem = { listeners: 0, observers: 0, frames: 0 }
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
    for (const name of ['MutationObserver', 'ResizeObserver', 'IntersectionObserver'] as const) {
      const Original = window[name] as unknown as { prototype: { observe: (...a: unknown[]) => void; disconnect: () => void } }
      const observing = new WeakSet<object>()
      const observe = Original.prototype.observe
      const disconnect = Original.prototype.disconnect
      Original.prototype.observe = function (this: object, ...a: unknown[]) {
        if (!observing.has(this)) w.__lem.observers! += 1
        observing.add(this)
        return observe.apply(this, a)
      }
      Original.prototype.disconnect = function (this: object) {
        if (observing.delete(this)) w.__lem.observers! -= 1
        return disconnect.apply(this)
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

const counts = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { __lem: Record<string, number> }).__lem }))

for (const site of SITES) {
  test.describe(site.name, () => {
    test.skip(!site.url, `${site.name} was not built (see the test:docs output above)`)
    const errors: string[] = []

    test.beforeEach(async ({ page }) => {
      errors.length = 0
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
      page.on('console', (m) => {
        if (m.type() === 'error' || /hydration/i.test(m.text())) errors.push(`console.${m.type()}: ${m.text()}`)
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
      await first.getByRole('button', { name: 'Step forward' }).click()
      await first.getByRole('button', { name: 'Step forward' }).click()
      await expect(stage(page, 'first')).toHaveAttribute('data-step', '2')
      await expect(stage(page, 'second')).toHaveAttribute('data-step', '0')
      await page.locator('#second').getByRole('button', { name: 'Step forward' }).click()
      await expect(stage(page, 'second')).toHaveAttribute('data-step', '1')
      await expect(stage(page, 'first')).toHaveAttribute('data-step', '2')
    })

    test("theme=auto follows the site's dark toggle, both ways", async ({ page }) => {
      await page.goto(`${site.url}/`)
      const root = page.locator('#first .lem-root')
      await expect(stage(page, 'first')).toHaveAttribute('data-model', 'async')
      await expect(root).toHaveAttribute('data-theme', 'light')
      await site.darkToggle(page).click()
      await expect(root).toHaveAttribute('data-theme', 'dark')
      await expect(page.locator('#second .lem-root')).toHaveAttribute('data-theme', 'dark')
      await site.darkToggle(page).click()
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
      const away2 = await counts(page)
      expect({ listeners: away2.listeners, observers: away2.observers }).toEqual({ listeners: away1.listeners, observers: away1.observers })
      // Nothing keeps animating once the embeds are gone: two frames later, no frame is pending.
      const pending = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r((window as unknown as { __lem: { frames: number } }).__lem.frames)))))
      expect(pending).toBe(0)
      expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(loads)
      expect(errors).toEqual([])
    })
  })
}

test.describe('docusaurus: the custom element', () => {
  const url = process.env.DOCS_DOCUSAURUS_URL
  test.skip(!url, 'docusaurus was not built')

  test('works when the reader arrives by client-side navigation (script registered by clientModules)', async ({ page }) => {
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${url}/other`)
    await page.locator('.navbar').getByRole('link', { name: 'Element' }).click()
    await expect(page.locator('#element [data-testid="stage"]')).toHaveAttribute('data-model', 'sync')
    expect(await page.locator('#element lambda-models').evaluate((e) => e.getBoundingClientRect().height)).toBeGreaterThan(200)
    expect(errors).toEqual([])
  })
})
