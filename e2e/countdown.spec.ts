// The countdown rings on the stage carry the time left as text (issue: a learner could not read how
// long until a hidden SQS message reappears). The readout follows the engine's deadline and the
// store's clock: it must be legible on a phone, stay off the token's label, be in the token's
// accessible name, and go down when stepping and during playback.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { stage, watchErrors } from './helpers'

/** "9.8 s" / "45 s" / "2 min" back in ms. */
function ms(text: string): number {
  const m = /^([\d.]+)\s(s|min|h)$/.exec(text.trim())
  if (!m) throw new Error(`not a countdown: ${JSON.stringify(text)}`)
  return Number(m[1]) * { s: 1000, min: 60_000, h: 3_600_000 }[m[2] as 's' | 'min' | 'h']
}

async function stepUntil(page: Page, target: Locator, max = 80): Promise<void> {
  const forward = page.getByRole('button', { name: 'Step forward' })
  for (let i = 0; i < max && (await target.count()) === 0; i++) {
    const before = await stage(page).getAttribute('data-step')
    await forward.click()
    await expect(stage(page)).not.toHaveAttribute('data-step', before ?? '')
  }
  await expect(target.first()).toBeVisible()
}

test.use({ viewport: { width: 390, height: 844 } })

test('§4.2 sqs-redrive-dlq: a hidden message shows its visibility time left, legible, in its name, and it goes down step by step', async ({
  page,
}) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=sqs-redrive-dlq')
  const ghost = stage(page).locator('[data-token-state="invisible"]').first()
  await stepUntil(page, stage(page).locator('[data-token-state="invisible"]'))
  const id = (await ghost.getAttribute('data-token-id'))!
  const token = stage(page).locator(`[data-token-id="${id}"]`)
  const readout = token.locator('.lem-token-countdown')
  await expect(readout).toBeVisible()
  const first = ms((await readout.textContent())!)
  // The visibility timeout of this preset is 10 s: what is left lies within it.
  expect(first).toBeGreaterThan(0)
  expect(first).toBeLessThanOrEqual(10_000)
  await expect(token).toHaveAttribute('aria-label', new RegExp(`visible again in ${(await readout.textContent())!}`))

  // Legible on a phone: at least 12 CSS px once the stage is scaled to fit (the stage's scale, not
  // the token's, which may still be growing in).
  const px = await readout.evaluate((el) => {
    const t = el as SVGTextElement
    return parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement!.getScreenCTM()!.a
  })
  expect(px).toBeGreaterThanOrEqual(12)
  // Off the label: the two texts' boxes do not cross. Compared in the token's own units (getBBox: the
  // text's em box, without the readout's halo stroke, which the screen box includes and which may
  // touch the label's box), so a token still gliding or growing in measures the same.
  const apart = await token.evaluate((g) => {
    const a = g.querySelector<SVGTextElement>('.lem-token-countdown')!.getBBox()
    const b = g.querySelector<SVGTextElement>('.lem-token-label')!.getBBox()
    return a.y >= b.y + b.height || b.y >= a.y + a.height
  })
  expect(apart).toBe(true)

  // Stepping on: the readout is the engine's deadline minus the clock, so it goes down with the playhead.
  const left = async () => Number(await token.locator('[data-countdown-ms]').getAttribute('data-countdown-ms'))
  const clock = async () => Number(await stage(page).getAttribute('data-sim-time'))
  const deadline = (await left()) + (await clock())
  const forward = page.getByRole('button', { name: 'Step forward' })
  let last = first
  let fell = 0
  for (let i = 0; i < 8 && fell < 2; i++) {
    const before = await stage(page).getAttribute('data-step')
    await forward.click()
    await expect(stage(page)).not.toHaveAttribute('data-step', before ?? '')
    if ((await token.getAttribute('data-token-state')) !== 'invisible') break
    expect(Math.abs((await left()) + (await clock()) - deadline)).toBeLessThanOrEqual(2)
    const now = ms((await readout.textContent())!)
    expect(now).toBeLessThanOrEqual(last)
    if (now < last) fell++
    last = now
  }
  expect(fell, 'the readout went down as the playhead moved').toBeGreaterThan(0)
  expect(errors).toEqual([])
})

test('§4.2 sqs-visibility-too-short: the ghost of a running message counts down while playing', async ({ page }) => {
  await page.goto('/?scenario=sqs-visibility-too-short')
  await stepUntil(page, stage(page).locator('[data-hold] .lem-token-countdown'))
  const hold = stage(page).locator(
    `[data-hold="${await stage(page).locator('[data-hold]').first().getAttribute('data-hold')}"]`,
  )
  const readout = hold.locator('.lem-token-countdown')
  const left = Number(await hold.locator('[data-countdown-ms]').getAttribute('data-countdown-ms'))
  expect(ms((await readout.textContent())!)).toBeGreaterThanOrEqual(left)
  await expect(hold.locator('title')).toContainText(`${(await readout.textContent())!} left`)
  await page.getByRole('button', { name: 'Play' }).click()
  await expect
    .poll(async () => Number(await hold.locator('[data-countdown-ms]').getAttribute('data-countdown-ms')), {
      timeout: 10_000,
    })
    .toBeLessThan(left)
})

test('§1.4 sync-throttled: a throttled request waiting to retry keeps its 429 chip clear; its time left is in its ring and its name', async ({
  page,
}) => {
  await page.goto('/?scenario=sync-throttled&step=6')
  const waiting = stage(page).locator('[data-token-state="waiting"]:has([data-token-reply])')
  await expect(waiting.first()).toBeVisible()
  for (const token of await waiting.all()) {
    await expect(token.locator('.lem-token-timer-ring')).toHaveCount(1)
    await expect(token.locator('.lem-token-countdown')).toHaveCount(0)
    await expect(token).toHaveAttribute('aria-label', /next try in \d/)
  }
})
