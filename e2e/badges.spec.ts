// Issue 18 item 6: a token's badges (the poison "!", the receive count "×N", the answer chip, the
// countdown readout and ring) and its label never cover each other; no stage text under 12 px at
// 1280×720. Measured in real Chromium on the drawn boxes (getBoundingClientRect) of every badge on
// every token and hold, over all presets at several steps.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import { stage } from './helpers'

const PRESETS: readonly string[] = readdirSync('src/scenarios/presets')
  .filter((f) => f.endsWith('.json'))
  .map((f) => (JSON.parse(readFileSync(`src/scenarios/presets/${f}`, 'utf8')) as { id: string }).id)

interface Finding {
  readonly token: string
  readonly what: string
}

/** Badge boxes that cross on one token, and ring points inside a text of its own. */
function collisions(page: Page): Promise<Finding[]> {
  return stage(page).evaluate((root) => {
    const out: { token: string; what: string }[] = []
    const cross = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5
    for (const t of Array.from(root.querySelectorAll<SVGGElement>('[data-token-id], [data-hold]'))) {
      const id = t.getAttribute('data-token-id') ?? `hold ${t.getAttribute('data-hold')}`
      const badges = Array.from(t.querySelectorAll<SVGGraphicsElement>('[data-badge]')).map(
        (b) => [b.getAttribute('data-badge')!, b.getBoundingClientRect()] as const,
      )
      for (let i = 0; i < badges.length; i++)
        for (let j = i + 1; j < badges.length; j++)
          if (cross(badges[i]![1], badges[j]![1])) out.push({ token: id, what: `${badges[i]![0]} × ${badges[j]![0]}` })
      const ring = t.querySelector<SVGPathElement>('.lem-token-timer-ring')
      if (!ring) continue
      const m = ring.getScreenCTM()!
      const len = ring.getTotalLength()
      const texts = badges.filter(([k]) => k !== 'poison' && k !== 'receives')
      for (let s = 0; s <= 60; s++) {
        const p = ring.getPointAtLength((len * s) / 60)
        const x = m.a * p.x + m.c * p.y + m.e
        const y = m.b * p.x + m.d * p.y + m.f
        for (const [k, r] of texts)
          if (x > r.left + 0.5 && x < r.right - 0.5 && y > r.top + 0.5 && y < r.bottom - 0.5)
            out.push({ token: id, what: `ring × ${k}` })
      }
    }
    return out
  })
}

/** The smallest stage text on screen (CSS px), tokens and holds included, with what it is. */
function smallestText(page: Page): Promise<{ px: number; what: string }> {
  return stage(page).evaluate((root) => {
    let best = { px: Infinity, what: '' }
    for (const t of Array.from(root.querySelectorAll<SVGTextElement>('svg text'))) {
      if (t.getBoundingClientRect().width === 0) continue
      const px = parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement!.getScreenCTM()!.a
      if (px < best.px)
        best = { px, what: `${t.getAttribute('class') ?? t.parentElement?.getAttribute('class')}: ${t.textContent}` }
    }
    return best
  })
}

test('every badge on every token and hold has its own slot, and no stage text is under 12 px, at 1280×720 over all presets', async ({
  page,
}) => {
  // 31 presets at four steps each: minutes on a loaded 2-core machine. Not a timing check.
  test.setTimeout(400_000)
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const problems: string[] = []
  const kinds = new Map<string, number>()
  for (const id of PRESETS) {
    await page.goto(`/?scenario=${id}&step=60`)
    await expect(stage(page)).not.toHaveAttribute('data-step', '0')
    const last = Number(await stage(page).getAttribute('data-step'))
    for (const step of [last, Math.round(last / 4), Math.round(last / 2), Math.round((3 * last) / 4)]) {
      if (step !== last) await page.goto(`/?scenario=${id}&step=${step}`)
      await expect(stage(page)).toHaveAttribute('data-step', String(step))
      await expect(page.locator('.lem-stage-slot[data-room]')).toHaveCount(1)
      for (const f of await collisions(page)) problems.push(`${id} step ${step}: ${f.token} ${f.what}`)
      const small = await smallestText(page)
      if (small.px < 11.95) problems.push(`${id} step ${step}: ${small.what} at ${small.px.toFixed(1)} px`)
      for (const k of await stage(page)
        .locator('[data-badge]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-badge')!)))
        kinds.set(k, (kinds.get(k) ?? 0) + 1)
    }
  }
  expect(problems).toEqual([])
  // The check looked at something: badges of every kind were drawn and measured.
  for (const k of ['label', 'poison', 'receives', 'reply', 'countdown'])
    expect(kinds.get(k) ?? 0, `${k} badges measured`).toBeGreaterThan(0)
})
