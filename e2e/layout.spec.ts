// Issue 10 items 3 and 4: model tabs load a model; one screen at laptop and phone sizes. Boxes are
// measured in real Chromium with the page scrolled to the top (nothing may need a scroll).
import { expect, test } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import { stage } from './helpers'

interface PresetFile {
  readonly id: string
  readonly model: string
  readonly title: string
}

/** Every shipped preset, read from its file (the JSON the app bundles). */
const PRESETS: readonly PresetFile[] = readdirSync('src/scenarios/presets')
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`src/scenarios/presets/${f}`, 'utf8')) as PresetFile)

const SIZES = [
  { width: 1280, height: 720, desktop: true },
  { width: 1366, height: 768, desktop: true },
  { width: 390, height: 844, desktop: false },
] as const

async function inViewport(page: Page, what: Locator, name: string) {
  const box = await what.boundingBox()
  const view = page.viewportSize()!
  expect(box, `${name} is drawn`).not.toBeNull()
  expect(box!.y, `${name} top`).toBeGreaterThanOrEqual(0)
  expect(box!.x, `${name} left`).toBeGreaterThanOrEqual(0)
  expect(box!.y + box!.height, `${name} bottom`).toBeLessThanOrEqual(view.height + 0.5)
  expect(box!.x + box!.width, `${name} right`).toBeLessThanOrEqual(view.width + 0.5)
}

/** On-screen size (CSS px) of the smallest stage text outside tokens (and the ghosts of tokens, holds): its font size times the SVG's scale. */
async function nodeTextPx(page: Page): Promise<number> {
  return stage(page).evaluate((root) => {
    const svg = root.querySelector('svg')!
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
    const sizes = [...root.querySelectorAll<SVGTextElement>('svg text')]
      .filter((t) => !t.closest('.lem-token, .lem-hold'))
      .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale)
    return Math.min(...sizes)
  })
}

/** Stage node boxes and environment cards the stage's foot (the legend, folded or open) covers. */
async function underTheLegend(page: Page): Promise<string[]> {
  return stage(page).evaluate((root) => {
    const foot = root.querySelector('.lem-stage-foot')!.getBoundingClientRect()
    return [...root.querySelectorAll<SVGGraphicsElement>('.lem-node-box, .lem-env-box')]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.bottom > foot.top + 0.5 && r.top < foot.bottom && r.right > foot.left && r.left < foot.right)
      .map(({ el }) => el.closest('[data-node-id]')?.getAttribute('data-node-id') ?? 'an environment')
  })
}

/** The part of the stage's box a reader sees: its box less the foot pinned over its bottom. */
async function visibleStage(page: Page) {
  return stage(page).evaluate((root) => {
    const r = root.getBoundingClientRect()
    const foot = root.querySelector('.lem-stage-foot')!.getBoundingClientRect()
    return { top: r.top, bottom: Math.min(r.bottom, foot.top), left: r.left, right: r.right }
  })
}

/**
 * Whether a token is wholly inside the visible stage once it and the stage's scroll have come to
 * rest (a glide or a smooth scroll may be under way): "moving" until two samples agree.
 */
function settledInView(page: Page, token: Locator) {
  let last = ''
  return async () => {
    const t = (await token.boundingBox())!
    const v = await visibleStage(page)
    const now = JSON.stringify([t, v])
    if (now !== last) {
      last = now
      return 'moving'
    }
    return t.y >= v.top && t.y + t.height <= v.bottom && t.x >= v.left && t.x + t.width <= v.right
  }
}

for (const size of SIZES) {
  test(`one screen at ${size.width}×${size.height}: stage, caption and playback controls of every preset are in view without scrolling`, async ({
    page,
  }) => {
    // 31 presets, two loads each: minutes on a loaded 2-core machine. Not a timing check.
    test.setTimeout(300_000)
    await page.setViewportSize({ width: size.width, height: size.height })
    await page.emulateMedia({ reducedMotion: 'reduce' })
    for (const preset of PRESETS) {
      // Step 60 (or the last step of a shorter run, with its notice), then the middle of that.
      await page.goto(`/?scenario=${preset.id}&step=60`)
      await expect(stage(page)).not.toHaveAttribute('data-step', '0')
      const last = Number(await stage(page).getAttribute('data-step'))
      for (const step of [last, Math.floor(last / 2)]) {
        if (step !== last) await page.goto(`/?scenario=${preset.id}&step=${step}`)
        await expect(stage(page)).toHaveAttribute('data-step', String(step))
        // The fit settles after the first measurement.
        await expect(page.locator('.lem-stage-slot[data-room]')).toHaveCount(1)
        const at = `${preset.id} at step ${step}`
        expect(await page.evaluate(() => window.scrollY), at).toBe(0)
        await inViewport(page, stage(page), `${at}: stage`)
        await inViewport(page, page.getByTestId('caption'), `${at}: caption`)
        // A finished run's Play reads Replay.
        await inViewport(page, page.getByRole('button', { name: /^(Play|Replay)$/ }), `${at}: Play`)
        for (const name of ['Step back', 'Step forward'])
          await inViewport(page, page.getByRole('button', { name, exact: true }), `${at}: ${name}`)
        if (size.desktop) {
          expect(await nodeTextPx(page), `${at}: node text`).toBeGreaterThanOrEqual(11.9)
          // A drawing taller than the box even at the readable floor scrolls: its foot then pins
          // over what is below, which "More below" says and a scroll shows clear of the legend.
          if (await stage(page).evaluate((el) => el.scrollTop + el.clientHeight < el.scrollHeight - 1)) {
            await expect(stage(page).getByRole('button', { name: 'More below' }), at).toBeVisible()
            await stage(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight, behavior: 'instant' }))
          }
          expect(await underTheLegend(page), `${at}: nodes under the legend`).toEqual([])
        }
      }
    }
  })
}

test('the model tabs load that model: the stage changes to its first preset', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/?scenario=sync-basics')
  await expect(stage(page)).toHaveAttribute('data-model', 'sync')
  for (const [tab, model] of [
    ['Asynchronous', /^async$/],
    ['Poll-based', /^(sqs|sqs-fifo|kinesis|dynamodb)$/],
    ['Synchronous', /^sync$/],
  ] as const) {
    await page.getByRole('button', { name: tab, exact: true }).click()
    await expect(page.getByRole('button', { name: tab, exact: true })).toHaveAttribute('aria-pressed', 'true')
    await expect(stage(page)).toHaveAttribute('data-model', model)
    // The first scenario of the strip is the one running, its title above the stage and in the URL.
    const first = page.getByRole('group', { name: 'Scenarios' }).getByRole('link').first()
    await expect(first).toHaveAttribute('aria-current', 'true')
    const title = (await first.getAttribute('aria-label'))!
    const id = new URLSearchParams((await first.getAttribute('href'))!).get('scenario')
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(title)
    await expect(page).toHaveURL(new RegExp(`scenario=${id}`))
  }
})

test('the scenario strip sits beside the model tabs, above the stage, and a poll-based source loads its first preset', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/?scenario=sqs-partial-batch')
  const strip = page.getByRole('group', { name: 'Scenarios' })
  const stripBox = (await strip.boundingBox())!
  const stageBox = (await stage(page).boundingBox())!
  expect(stripBox.y + stripBox.height).toBeLessThanOrEqual(stageBox.y)
  await page.getByRole('button', { name: 'Kinesis', exact: true }).click()
  await expect(stage(page)).toHaveAttribute('data-model', 'kinesis')
  const kinesis = PRESETS.filter((p) => p.model === 'kinesis')
  await expect(
    page
      .getByRole('link', { name: kinesis[0]!.title })
      .or(page.getByRole('link', { name: kinesis[1]!.title }))
      .and(page.locator('[aria-current="true"]')),
  ).toHaveCount(1)
  const other = kinesis.find((p) => !page.url().includes(p.id))!
  await page.getByRole('link', { name: other.title }).click()
  await expect(page).toHaveURL(new RegExp(`scenario=${other.id}`))
})

test("opening a token's history keeps the stage in view; it opens beside the stage", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/?scenario=async-retries&step=4')
  const token = stage(page).locator('[data-token-id]').first()
  await token.click()
  const history = page.getByTestId('event-history')
  await expect(history).toBeVisible()
  expect(await page.evaluate(() => window.scrollY)).toBe(0)
  await inViewport(page, stage(page), 'stage')
  // Its heading is in view (a long story scrolls inside the panel, never the page).
  await inViewport(page, history.getByRole('heading', { level: 3 }), 'history heading')
  const h = (await history.boundingBox())!
  const s = (await stage(page).boundingBox())!
  expect(h.x).toBeGreaterThanOrEqual(s.x + s.width)
})

test('knobs, event log and metrics open beside the stage, not below it', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto('/?scenario=sync-basics')
  const s = (await stage(page).boundingBox())!
  for (const tab of ['Knobs', 'Event log', 'Metrics']) {
    await page.getByRole('tab', { name: tab }).click()
    const panel = page.getByRole('tabpanel')
    await expect(panel).toBeVisible()
    const p = (await panel.boundingBox())!
    expect(p.x, tab).toBeGreaterThanOrEqual(s.x + s.width)
    expect(p.y, tab).toBeLessThan(768)
  }
})

const MID_RUN = ['sqs-redrive-dlq&step=16', 'async-retries&step=8', 'kinesis-bisect-poison&step=12']

/** Each shown caption entry: whole lines only (its height a whole number of lines) and not cut by the caption's box. */
async function captionLines(page: Page) {
  return page.getByTestId('caption').evaluate((caption) => {
    const box = caption.getBoundingClientRect()
    return [...caption.querySelectorAll<HTMLElement>('.lem-caption-item')]
      .filter((li) => li.getClientRects().length > 0)
      .map((li) => {
        const line = parseFloat(getComputedStyle(li).lineHeight)
        const r = li.getBoundingClientRect()
        return { lines: r.height / line, cut: r.bottom > box.bottom + 0.5 || r.top < box.top - 0.5 }
      })
  })
}

for (const size of SIZES.filter((s) => s.desktop))
  test(`at ${size.width}×${size.height} the rail's transport is compact, the caption shows whole lines and the first metric card is in full view`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height })
    await page.emulateMedia({ reducedMotion: 'reduce' })
    for (const query of MID_RUN) {
      await page.goto(`/?scenario=${query}`)
      await expect(stage(page)).toHaveAttribute('data-step', query.split('step=')[1]!)
      await expect(page.locator('.lem-stage-slot[data-room]')).toHaveCount(1)
      const bar = page.getByRole('toolbar', { name: 'Playback' })
      // One row of playback buttons, then one of where we are, fine steps and speed.
      const mid = async (l: Locator) => {
        const b = (await l.boundingBox())!
        return b.y + b.height / 2
      }
      const row1 = await mid(bar.getByRole('button', { name: 'Play', exact: true }))
      for (const name of ['Step back', 'Step forward', 'Reset'])
        expect(
          Math.abs((await mid(bar.getByRole('button', { name, exact: true }))) - row1),
          `${query}: ${name}`,
        ).toBeLessThan(2)
      const row2 = await mid(bar.getByTestId('beat-counter'))
      expect(row2).toBeGreaterThan(row1 + 20)
      for (const control of [bar.getByLabel('Fine steps'), bar.getByLabel('Speed')])
        expect(Math.abs((await mid(control)) - row2), query).toBeLessThan(4)
      // The "Next:" jumps keep to one line.
      const jumps = page.getByRole('group', { name: 'Jump to the next marker' })
      const chips = jumps.getByRole('button')
      const first = await mid(chips.first())
      for (const chip of await chips.all()) expect(Math.abs((await mid(chip)) - first), query).toBeLessThan(2)
      // The caption ends on a line boundary: no half-shown line above "Read all".
      for (const { lines, cut } of await captionLines(page)) {
        expect(cut, `${query}: entry cut by the caption's box`).toBe(false)
        expect(Math.abs(lines - Math.round(lines)), `${query}: entry of ${lines} lines`).toBeLessThan(0.05)
      }
      // The Metrics panel has real room: its first card in full view, with nothing scrolled.
      const card = page.getByRole('tabpanel').locator('.lem-metric').first()
      await inViewport(page, card, `${query}: first metric card`)
      const side = (await page.locator('.lem-side').boundingBox())!
      const c = (await card.boundingBox())!
      expect(c.y + c.height, `${query}: card inside the panel`).toBeLessThanOrEqual(side.y + side.height)
      expect(await page.locator('.lem-rail').evaluate((el) => el.scrollTop)).toBe(0)
      expect(await page.locator('.lem-side').evaluate((el) => el.scrollTop)).toBe(0)
    }
  })

test('with a token\'s history open the rail\'s caption keeps one whole entry and counts the rest in "+N more"', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/?scenario=sqs-redrive-dlq&step=16')
  const items = page.getByTestId('caption').locator('.lem-caption-item')
  const total = await items.count()
  expect(total).toBeGreaterThan(1)
  await stage(page).locator('[data-token-id]').first().click()
  await expect(page.getByTestId('event-history')).toBeVisible()
  await expect(items.filter({ visible: true })).toHaveCount(1)
  await expect(page.getByTestId('caption-more')).toHaveText(`+${total - 1} more`)
  for (const { lines, cut } of await captionLines(page)) {
    expect(cut).toBe(false)
    expect(Math.abs(lines - Math.round(lines))).toBeLessThan(0.05)
  }
  await page.getByTestId('caption-more').click()
  await expect(items.filter({ visible: true })).toHaveCount(total)
})

test('on a phone the pace is chosen under the stage (the bar has no room): one Speed control, and it sets the pace', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/?scenario=async-retries')
  const speed = page.getByRole('combobox', { name: 'Speed' })
  await expect(speed).toHaveCount(1)
  await expect(page.locator('.lem-dock').getByRole('combobox', { name: 'Speed' })).toHaveCount(0)
  await speed.scrollIntoViewIfNeeded()
  await expect(speed).toBeInViewport()
  await speed.selectOption({ label: '10×' })
  await expect(speed).toHaveValue('t10')
  // On a laptop the pace is back in the rail's transport, still one control.
  await page.setViewportSize({ width: 1280, height: 720 })
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveCount(1)
  await expect(page.locator('.lem-dock').getByRole('combobox', { name: 'Speed' })).toHaveValue('t10')
})

test('on a phone the caption and the playback buttons are a bar fixed at the bottom', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/?scenario=sqs-partial-batch&step=6')
  const dock = page.locator('.lem-dock')
  await expect(dock).toHaveCSS('position', 'fixed')
  const before = (await page.getByRole('button', { name: 'Step forward' }).boundingBox())!
  await page.getByRole('button', { name: 'Step forward' }).click()
  // One beat on (it may span several steps).
  await expect(stage(page)).not.toHaveAttribute('data-step', '6')
  // Scrolled to the panels under the stage, the bar stays where it was.
  await page.mouse.wheel(0, 600)
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0)
  const after = (await page.getByRole('button', { name: 'Step forward' }).boundingBox())!
  expect(Math.abs(after.y - before.y)).toBeLessThan(2)
  const s = (await stage(page).boundingBox())!
  expect(s.width).toBeLessThanOrEqual(390)
})

for (const width of [360, 390, 412])
  test(`on a ${width} px phone the playback bar is one line of touch targets: "9 / 39" and a small "Fine" toggle, none past the edge`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 844 })
    await page.goto('/?scenario=sqs-redrive-dlq&step=10')
    const bar = page.getByRole('toolbar', { name: 'Playback' })
    const counter = bar.getByTestId('beat-counter')
    // The word stays in the accessible text; only the numbers show.
    await expect(counter).toHaveText(/^Beat \d+ \/ \d+$/)
    const boxes = []
    for (const name of ['Play', 'Step back', 'Step forward', 'Reset'])
      boxes.push((await bar.getByRole('button', { name }).boundingBox())!)
    boxes.push((await counter.boundingBox())!, (await bar.getByLabel('Fine steps').locator('..').boundingBox())!)
    for (const b of boxes.slice(0, 4)) expect(b.height).toBeGreaterThanOrEqual(44)
    expect(boxes[5]!.height).toBeGreaterThanOrEqual(44)
    // One line: every control's middle on the Play button's row, and none past the screen's edge.
    const mid = boxes[0]!.y + boxes[0]!.height / 2
    for (const b of boxes) {
      expect(Math.abs(b.y + b.height / 2 - mid)).toBeLessThan(8)
      expect(b.x + b.width).toBeLessThanOrEqual(width)
    }
    // Nothing in the bar that takes focus is off screen (a control pushed past the edge would still be tabbed to).
    const off = await page.locator('.lem-dock').evaluate((dock) =>
      [...dock.querySelectorAll<HTMLElement>('button, input, select, a')]
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
        .filter((el) => {
          const r = el.getBoundingClientRect()
          return r.right > window.innerWidth + 0.5 || r.left < -0.5
        })
        .map((el) => el.getAttribute('aria-label') ?? el.textContent),
    )
    expect(off).toEqual([])
  })

test('on a laptop with room the legend shows in full under the drawing, no button, covering nothing', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto('/?scenario=sync-basics&step=5')
  await expect(page.locator('.lem-stage-slot[data-room]')).toHaveCount(1)
  await expect(page.locator('[data-legend="running"]')).toBeVisible()
  await expect(page.locator('[data-legend="reply"]')).toBeVisible()
  await expect(stage(page).getByRole('button', { name: 'Legend' })).toBeHidden()
  expect(await underTheLegend(page)).toEqual([])
  expect(await nodeTextPx(page)).toBeGreaterThanOrEqual(11.9)
})

test('on a laptop the legend folds when it and the drawing do not both fit: open it floats and closes again', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/?scenario=sqs-redrive-dlq&step=14')
  await expect(page.locator('.lem-stage-slot[data-room]')).toHaveCount(1)
  const toggle = stage(page).getByRole('button', { name: 'Legend' })
  await expect(toggle).toBeVisible()
  await expect(page.locator('[data-legend="running"]')).toBeHidden()
  expect(await underTheLegend(page)).toEqual([])
  const room = await page.locator('.lem-stage-slot').getAttribute('data-room')
  await toggle.click()
  await expect(page.locator('[data-legend="running"]')).toBeVisible()
  // Open, it is a card over the stage's foot: the drawing keeps its size.
  await expect(page.locator('.lem-stage-slot')).toHaveAttribute('data-room', room!)
  await stage(page).getByRole('button', { name: 'Hide legend' }).click()
  await expect(page.locator('[data-legend="running"]')).toBeHidden()
  // Escape closes it too (focus is on its button).
  await stage(page).getByRole('button', { name: 'Legend' }).click()
  await expect(page.locator('[data-legend="running"]')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.locator('[data-legend="running"]')).toBeHidden()
  expect(await underTheLegend(page)).toEqual([])
})

test('on a laptop the legend does not pump during a run: stepping through, it folds at most once and never unfolds again', async ({
  page,
}) => {
  test.setTimeout(60_000)
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto('/?scenario=sqs-redrive-dlq&step=0')
  await expect(page.locator('.lem-stage-slot[data-room]')).toHaveCount(1)
  // Every change of the fold, as it happens (a flip back and forth between steps would show here).
  await page.evaluate(() => {
    const foot = document.querySelector('.lem-stage-foot')!
    const seen: boolean[] = [foot.hasAttribute('data-legend-folded')]
    ;(window as unknown as { folds: boolean[] }).folds = seen
    new MutationObserver(() => seen.push(foot.hasAttribute('data-legend-folded'))).observe(foot, {
      attributes: true,
      attributeFilter: ['data-legend-folded'],
    })
  })
  const forward = page.getByRole('button', { name: 'Step forward', exact: true })
  // Step forward beat by beat to the end of the run (the button is disabled there).
  for (let beat = 1; await forward.isEnabled(); beat++) {
    const before = await stage(page).getAttribute('data-step')
    await forward.click()
    await expect(stage(page)).not.toHaveAttribute('data-step', before!)
    expect(await underTheLegend(page), `beat ${beat}`).toEqual([])
  }
  const folds = await page.evaluate(() => (window as unknown as { folds: boolean[] }).folds)
  const changes = folds.filter((f, i) => i > 0 && f !== folds[i - 1]).length
  expect(changes, JSON.stringify(folds)).toBeLessThanOrEqual(1)
  expect(folds.at(-1), 'folded by the end').toBe(true)
})

for (const reducedMotion of ['reduce', 'no-preference'] as const) {
  test(`on a phone the stage follows the action: stepping into a run, the running token is in view (motion: ${reducedMotion})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.emulateMedia({ reducedMotion })
    await page.goto('/?scenario=sqs-redrive-dlq&step=0')
    await expect(page.locator('.lem-stage-slot[data-room]')).toHaveCount(1)
    // The drawing is taller than its box here: following is needed.
    expect(await stage(page).evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
    await expect(stage(page).getByRole('button', { name: 'More below' })).toBeVisible()
    const running = stage(page).locator('[data-token-state="running"]')
    for (let i = 0; i < 30 && (await running.count()) === 0; i++) {
      const step = await stage(page).getAttribute('data-step')
      await page.getByRole('button', { name: 'Step forward' }).click()
      await expect(stage(page)).not.toHaveAttribute('data-step', step!)
    }
    await expect(running.first()).toBeAttached()
    await expect.poll(settledInView(page, running.first())).toBe(true)
  })
}

test('on a phone a stage opened mid-run shows its running token, and "More below" scrolls to the rest', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto('/?scenario=sqs-redrive-dlq&step=14')
  const token = stage(page).locator('[data-token-state="running"]').first()
  await expect(token).toBeAttached()
  await expect.poll(settledInView(page, token)).toBe(true)
  // The reader goes back to the top of the drawing; the button offers the rest below.
  await stage(page).evaluate((el) => el.scrollTo({ top: 0, behavior: 'instant' }))
  const before = await stage(page).evaluate((el) => el.scrollTop)
  await stage(page).getByRole('button', { name: 'More below' }).click()
  await expect.poll(() => stage(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(before)
  // At the end of the drawing the button goes; the fade at the top says there is more above.
  await stage(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight, behavior: 'instant' }))
  await expect(stage(page).getByRole('button', { name: 'More below' })).toHaveCount(0)
  await expect(stage(page)).toHaveAttribute('data-more-above', '')
})

test('on a phone following never fights the reader: scrolled by hand during playback, the stage stays put', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto('/?scenario=sqs-redrive-dlq&step=14')
  await expect(page.locator('.lem-stage-slot[data-room]')).toHaveCount(1)
  const top = () => stage(page).evaluate((el) => el.scrollTop)
  // Opened mid-run, the stage follows the running batch down to env-3 near the foot of the drawing.
  await expect.poll(top).toBeGreaterThan(100)
  await page.getByRole('button', { name: 'Play', exact: true }).click()
  // The reader scrolls back up to the queue; the next beats happen down in the environments.
  const box = (await stage(page).boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + 100)
  await page.mouse.wheel(0, -3000)
  await expect.poll(top).toBeLessThan(1)
  // Two more beats go by (1.5 s each, inside the pause after a manual scroll): the reader's place is kept.
  for (let i = 0; i < 2; i++) {
    const step = (await stage(page).getAttribute('data-step'))!
    await expect(stage(page)).not.toHaveAttribute('data-step', step)
  }
  expect(await top()).toBeLessThan(1)
})
