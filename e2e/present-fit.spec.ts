// Presentation mode fits a projector (issue 18 item 5): for EVERY preset and several beats, at
// 1280×720 and 1920×1080, the caption band never covers the stage (its drawing or its legend), no
// stage text is drawn under 12 px, nothing leaves the screen, and a caption is cut with "…" only
// when there is no room left for another line. Measured with getBoundingClientRect in Chromium.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { readdirSync } from 'node:fs'
import { settled } from './helpers'

const PRESETS = readdirSync('src/scenarios/presets')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort()

/** Beats measured in each preset: the start, then after this many PageDowns in total. */
const BEATS = [0, 1, 3, 6]

interface Sample {
  /** Vertical px where the caption band and the stage's box (drawing and legend) overlap. */
  readonly boxOverlap: number
  readonly drawingOverlap: number
  readonly legendOverlap: number
  /** The smallest stage text on screen: its font size times the SVG's scale. */
  readonly minText: number
  /** How far the caption band or the stage's box leave the screen (px). */
  readonly offScreen: number
  /** The page itself scrolls (it must not: the stage scrolls in its own box). */
  readonly pageScrolls: boolean
  /** A caption entry is cut with "…" while a whole line would still fit under the caption. */
  readonly cutWithRoom: boolean
}

async function sample(page: Page): Promise<Sample> {
  await settled(page)
  return page.evaluate(() => {
    const rect = (el: Element | null) => el?.getBoundingClientRect() ?? null
    const overlap = (a: DOMRect | null, b: DOMRect | null) => {
      if (!a || !b || a.width === 0 || b.width === 0) return 0
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left)
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
      return w > 0 && h > 0 ? h : 0
    }
    const box = document.querySelector<HTMLElement>('.lem-presenting .lem-stage')
    const svg = box?.querySelector<SVGSVGElement>('.lem-stage-svg')
    const dock = document.querySelector<HTMLElement>('.lem-presenting .lem-caption-dock')
    if (!box || !svg || !dock) throw new Error('no stage or caption')
    const boxR = rect(box)
    const dockR = rect(dock)
    const svgR = rect(svg)
    // What of the drawing shows: the SVG clipped by its scrolling box.
    const shown =
      boxR && svgR
        ? new DOMRect(
            svgR.x,
            Math.max(svgR.top, boxR.top),
            svgR.width,
            Math.max(0, Math.min(svgR.bottom, boxR.bottom) - Math.max(svgR.top, boxR.top)),
          )
        : null
    const legend = box.querySelector('.lem-legend')
    const scale = (svgR?.width ?? 0) / svg.viewBox.baseVal.width
    let minText = Infinity
    for (const t of Array.from(svg.querySelectorAll('text'))) {
      if (t.getClientRects().length === 0 || !t.textContent?.trim()) continue
      minText = Math.min(minText, parseFloat(getComputedStyle(t).fontSize) * scale)
    }
    const h = window.innerHeight
    const offScreen = Math.max(0, ...[boxR, dockR].map((r) => (r ? Math.max(r.bottom - h, -r.top) : 0)))
    const root = document.querySelector<HTMLElement>('.lem-presenting .lem-root')
    const pageScrolls =
      (root ? root.scrollHeight > root.clientHeight + 1 : false) || document.scrollingElement!.scrollHeight > h + 1
    const layout = document.querySelector<HTMLElement>('.lem-presenting .lem-layout')
    const bottomPad = layout ? parseFloat(getComputedStyle(layout).paddingBottom) || 0 : 0
    const items = Array.from(dock.querySelectorAll<HTMLElement>('.lem-caption-item')).filter(
      (li) => li.getClientRects().length > 0,
    )
    const cut = items.some((li) => li.scrollHeight > li.clientHeight + 2)
    const line = items[0] ? parseFloat(getComputedStyle(items[0]).lineHeight) || 30 : 30
    const free = h - bottomPad - (dockR?.bottom ?? h)
    return {
      boxOverlap: overlap(boxR, dockR),
      drawingOverlap: overlap(shown, dockR),
      legendOverlap: overlap(rect(legend), dockR),
      minText,
      offScreen,
      pageScrolls,
      cutWithRoom: cut && free >= line * Math.max(1, items.length),
    }
  })
}

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`every preset presented at ${width}×${height}: the caption never covers the stage, text ≥ 12 px, captions use the room`, async ({
    page,
  }) => {
    test.setTimeout(420_000)
    await page.setViewportSize({ width, height })
    const problems: string[] = []
    for (const id of PRESETS) {
      await page.goto(`/?scenario=${id}&present=1`)
      const stage = page.getByTestId('stage')
      await expect(stage).toHaveAttribute('data-step', '0')
      let pressed = 0
      for (const beat of BEATS) {
        for (; pressed < beat; pressed++) {
          const before = await stage.getAttribute('data-step')
          await page.keyboard.press('PageDown')
          // The stage shows the next beat (unless the run has ended: then the step stays).
          await page
            .waitForFunction(
              (b) => document.querySelector('[data-testid="stage"]')?.getAttribute('data-step') !== b,
              before,
              { timeout: 3000 },
            )
            .catch(() => undefined)
        }
        const s = await sample(page)
        const where = `${id} beat ${beat}`
        if (s.boxOverlap > 0.5) problems.push(`${where}: caption overlaps the stage box by ${s.boxOverlap} px`)
        if (s.drawingOverlap > 0.5) problems.push(`${where}: caption covers the drawing by ${s.drawingOverlap} px`)
        if (s.legendOverlap > 0.5) problems.push(`${where}: caption covers the legend by ${s.legendOverlap} px`)
        if (s.minText < 12 - 0.01) problems.push(`${where}: stage text at ${s.minText.toFixed(1)} px`)
        if (s.offScreen > 0.5) problems.push(`${where}: ${s.offScreen} px off screen`)
        if (s.pageScrolls) problems.push(`${where}: the page scrolls`)
        if (s.cutWithRoom) problems.push(`${where}: a caption is cut while a line more would fit`)
      }
    }
    expect(problems).toEqual([])
  })
}
