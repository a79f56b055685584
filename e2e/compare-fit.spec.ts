// Compare mode fits a laptop and a phone (issue 18 item 4): for every workload and model tab, at
// 1280×720 and 1366×768 the stage's box is on screen whole, drawn down to the readable floor (0.75)
// to show the whole drawing, its text is never drawn under 12 px,
// the caption is on screen and apart from it, and a drawing taller than its box says so (More
// below / the fade) instead of being cut silently; on a 390×844 phone nothing scrolls sideways
// and the stage starts on the first screen.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { settled } from './helpers'

const WORKLOADS = ['burst', 'steady', 'failing', 'throttled']
const TABS = ['Synchronous', 'Asynchronous', 'Poll-based (SQS)']

async function measure(page: Page) {
  await settled(page)
  return page.evaluate(() => {
    const lane = document.querySelector<HTMLElement>('[data-testid="compare-lane"]:not([hidden])')
    const box = lane?.querySelector<HTMLElement>('.lem-stage')
    const svg = box?.querySelector<SVGSVGElement>('.lem-stage-svg')
    const caption = document.querySelector<HTMLElement>('.lem-compare-caption')
    if (!box || !svg || !caption) throw new Error('no stage or caption')
    const b = box.getBoundingClientRect()
    const s = svg.getBoundingClientRect()
    const c = caption.getBoundingClientRect()
    const scale = s.width / svg.viewBox.baseVal.width
    let minText = Infinity
    for (const t of Array.from(svg.querySelectorAll('text'))) {
      if (t.getClientRects().length === 0 || !t.textContent?.trim()) continue
      minText = Math.min(minText, parseFloat(getComputedStyle(t).fontSize) * scale)
    }
    const inView = (r: DOMRect) =>
      r.top >= -0.5 && r.left >= -0.5 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5
    return {
      boxInView: inView(b),
      captionInView: inView(c),
      drawingInView: inView(s),
      apart: c.top >= b.bottom - 0.5,
      scrolls: box.scrollHeight > box.clientHeight + 1,
      flagged: box.hasAttribute('data-more-below') || box.hasAttribute('data-more-above'),
      minText,
      scale,
    }
  })
}

for (const [width, height] of [
  [1280, 720],
  [1366, 768],
] as const) {
  test(`compare at ${width}×${height}: every workload and model, the stage on screen at ≥ 12 px text, never cut silently`, async ({
    page,
  }) => {
    test.setTimeout(300_000)
    await page.setViewportSize({ width, height })
    const problems: string[] = []
    const whole: string[] = []
    for (const w of WORKLOADS) {
      await page.goto(`/?compare=${w}`)
      await expect(page.getByTestId('stage')).toHaveCount(3)
      for (let beat = 0; beat < 4; beat++) {
        for (const tab of TABS) {
          await page.getByRole('tab', { name: tab, exact: true }).click()
          const m = await measure(page)
          const where = `${w} ${tab} beat ${beat}`
          if (!m.boxInView) problems.push(`${where}: the stage's box leaves the screen`)
          if (!m.captionInView) problems.push(`${where}: the caption leaves the screen`)
          if (!m.apart) problems.push(`${where}: the caption overlaps the stage`)
          if (m.minText < 12 - 0.01) problems.push(`${where}: stage text at ${m.minText.toFixed(1)} px`)
          if (m.scale < 0.75 - 0.01) problems.push(`${where}: drawn at ${m.scale.toFixed(2)}, under the readable floor`)
          if (m.scrolls && !m.flagged) problems.push(`${where}: the drawing is cut without "More below"`)
          if (!m.scrolls && !m.drawingInView) problems.push(`${where}: the drawing leaves the screen`)
          if (!m.scrolls) whole.push(where)
        }
        await page.getByRole('button', { name: 'Step forward' }).click()
      }
    }
    expect(problems).toEqual([])
    // Drawn down to the readable floor, every workload's stage is seen whole, the burst's too.
    console.log(`compare ${width}×${height}: ${whole.length} of ${WORKLOADS.length * 4 * TABS.length} frames whole`)
    expect(whole.filter((x) => x.startsWith('burst Synchronous'))).toHaveLength(4)
    expect(whole.length).toBeGreaterThanOrEqual(WORKLOADS.length * 4 * TABS.length - 4)
  })
}

test('compare on a 390×844 phone: no sideways scroll, the stage on the first screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  for (const w of WORKLOADS) {
    await page.goto(`/?compare=${w}`)
    await expect(page.getByTestId('stage')).toHaveCount(3)
    for (const tab of TABS) {
      await page.getByRole('tab', { name: tab, exact: true }).click()
      await settled(page)
      const m = await page.evaluate(() => {
        const box = document.querySelector('[data-testid="compare-lane"]:not([hidden]) .lem-stage')
        const r = box?.getBoundingClientRect()
        return {
          scrollWidth: document.scrollingElement!.scrollWidth,
          innerWidth,
          top: r?.top ?? Infinity,
          shown: r ? Math.min(r.bottom, innerHeight) - r.top : 0,
        }
      })
      expect(m.scrollWidth, `${w} ${tab}`).toBeLessThanOrEqual(m.innerWidth)
      // The stage starts on the first screen with most of a screen of it showing.
      expect(m.top, `${w} ${tab}`).toBeLessThan(844 / 2)
      expect(m.shown, `${w} ${tab}`).toBeGreaterThan(400)
    }
  }
})
