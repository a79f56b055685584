// Embeds in a docs column (issue 12, items 3 and 4): the first frame is already the live one at
// any column width (no layout jump: cumulative layout shift 0), and a fixed height never hides
// the playback controls (the stage draws smaller or scrolls inside).
import { expect, test } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

const HOST = '/examples/fit-host.html'

/** Sums the page's layout shifts (what CLS adds up), from before the first paint. */
async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number; __shifts: unknown[] }
    w.__shift = 0
    w.__shifts = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as {
        value: number
        hadRecentInput: boolean
        sources?: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[]
      }[]) {
        if (e.hadRecentInput) continue
        w.__shift += e.value
        w.__shifts.push({
          value: e.value,
          sources: (e.sources ?? []).map((s) => ({
            node: (s.node as Element | undefined)?.className ?? s.node?.nodeName,
            from: s.previousRect.height,
            to: s.currentRect.height,
          })),
        })
      }
    }).observe({ type: 'layout-shift', buffered: true })
  })
}

/** Waits until the page has painted a few frames after the embed came alive. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        let n = 0
        const tick = () => (++n >= 5 ? done() : requestAnimationFrame(tick))
        requestAnimationFrame(tick)
      }),
  )
}

const elementStage = (page: Page) => page.locator('#fit [data-testid="stage"]')

for (const { col, viewport } of [
  { col: 390, viewport: { width: 390, height: 844 } },
  { col: 672, viewport: { width: 1280, height: 800 } },
  { col: 760, viewport: { width: 1280, height: 800 } },
  { col: 1280, viewport: { width: 1366, height: 900 } },
]) {
  test(`the custom element's first frame is its live frame in a ${col} px column (CLS 0)`, async ({ page }) => {
    await page.setViewportSize(viewport)
    await recordShifts(page)
    await page.goto(`${HOST}?col=${col}`)
    await expect(elementStage(page)).toHaveAttribute('data-step', '0')
    await settled(page)
    // Exactly one drawing once live, the one for this width.
    await expect(elementStage(page).locator('svg.lem-stage-svg')).toHaveCount(1)
    const orientation = await elementStage(page)
      .locator('svg.lem-stage-svg')
      .evaluate((svg) => {
        const [, , w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number)
        return h! > w! ? 'vertical' : 'horizontal'
      })
    // The compact layout (controls minimal, no height) turns across from a 560 px stage.
    expect(orientation).toBe(col < 600 ? 'vertical' : 'horizontal')
    const shifts = await page.evaluate(() => (window as unknown as { __shifts: unknown[] }).__shifts)
    expect(shifts).toEqual([])
  })

  test(`lambda-models.css holds the element's box until its script runs late, in a ${col} px column (CLS 0)`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport)
    await recordShifts(page)
    await page.goto(`${HOST}?col=${col}&late=manual`)
    const el = page.locator('#fit')
    await settled(page)
    const reserved = await el.evaluate((e) => e.getBoundingClientRect().height)
    expect(await el.evaluate((e) => e.matches(':defined'))).toBe(false)
    await page.evaluate(() => (window as unknown as { lemLoadElement: () => void }).lemLoadElement())
    await expect(elementStage(page)).toHaveAttribute('data-step', '0')
    await settled(page)
    expect(await el.evaluate((e) => e.getBoundingClientRect().height)).toBeCloseTo(reserved, 1)
    expect(reserved).toBeCloseTo(compactHeight(col), 0)
    const shifts = await page.evaluate(() => (window as unknown as { __shifts: unknown[] }).__shifts)
    expect(shifts).toEqual([])
  })
}

/** The compact layout's documented height for a box `w` px wide (README, "Height"). */
const compactHeight = (w: number) => Math.min(640, Math.max(560, (w * 6) / 7))

test('in a 700 px column the compact embed fits a 1280×720 screen with the controls in view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto(`${HOST}?col=700`)
  const el = page.locator('#fit')
  await expect(elementStage(page)).toHaveAttribute('data-step', '0')
  const h = await el.evaluate((e) => e.getBoundingClientRect().height)
  expect(h).toBeCloseTo(compactHeight(700), 0)
  expect(h).toBeLessThanOrEqual(720 - 64) // below a docs site's navbar
  await el.evaluate((e) => e.scrollIntoView({ block: 'end' }))
  await expectControlsShown(el)
})

/** The embed's playback controls, each wholly inside what the page shows (not clipped by a scroll box). */
async function expectControlsShown(scope: Locator | ReturnType<Page['frameLocator']>): Promise<void> {
  for (const control of [
    scope.getByRole('button', { name: 'Play' }),
    scope.getByRole('button', { name: 'Step forward' }),
    scope.getByTestId('beat-counter').filter({ visible: true }).first(),
  ]) {
    await expect(control).toBeInViewport({ ratio: 1 })
  }
}

for (const height of [300, 480, 560]) {
  test(`a fixed height of ${height} px keeps Play, Step and the beat counter in view (element and iframe)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 1600 })
    for (const col of [390, 760]) {
      await page.goto(`${HOST}?col=${col}&height=${height}&frame=1`)
      const el = page.locator('#fit')
      await expect(elementStage(page)).toHaveAttribute('data-step', '0')
      await expect.poll(() => el.evaluate((e) => Math.round(e.getBoundingClientRect().height))).toBe(height)
      await expectControlsShown(el)
      const frame = page.frameLocator('#frame')
      await expect(frame.getByTestId('stage')).toHaveAttribute('data-step', '0')
      await expectControlsShown(frame)
      // And they work: a step forward moves the playhead.
      await el.getByRole('button', { name: 'Step forward' }).click()
      await expect(elementStage(page)).not.toHaveAttribute('data-step', '0')
    }
  })
}

test('a fixed height with every control keeps the playback controls in view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1600 })
  for (const height of [300, 560]) {
    await page.goto(`${HOST}?col=760&height=${height}&controls=full`)
    await expect(elementStage(page)).toHaveAttribute('data-step', '0')
    await expectControlsShown(page.locator('#fit'))
  }
})
