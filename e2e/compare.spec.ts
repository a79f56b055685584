// Compare mode: three models, one clock. Every stage carries data-sim-time; they must always agree.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'

/** All three stages' times read in one go, so a playing clock cannot move between the reads. */
const times = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="stage"]')].map((e) => e.getAttribute('data-sim-time')),
  )

test('three stages share one clock after steps, step back and play', async ({ page }) => {
  await page.goto('/?compare=failing')
  await expect(page.getByTestId('stage')).toHaveCount(3)
  expect(await times(page)).toEqual(['0', '0', '0'])
  const models = await page.getByTestId('stage').evaluateAll((els) => els.map((e) => e.getAttribute('data-model')))
  expect(models).toEqual(['sync', 'async', 'sqs'])

  const forward = page.getByRole('button', { name: 'Step forward' })
  for (let i = 0; i < 4; i++) await forward.click()
  const clock = page.getByTestId('compare-clock')
  await expect.poll(async () => Number(await clock.getAttribute('data-sim-time'))).toBeGreaterThan(0)
  const t = await clock.getAttribute('data-sim-time')
  expect(await times(page)).toEqual([t, t, t])

  await page.getByRole('button', { name: 'Step back' }).click()
  await expect.poll(async () => Number(await clock.getAttribute('data-sim-time'))).toBeLessThan(Number(t))
  const back = await clock.getAttribute('data-sim-time')
  expect(await times(page)).toEqual([back, back, back])

  // Play at the default beat pace: the next beat shows at once, the lanes' clocks then sweep together.
  await page.getByRole('button', { name: 'Play' }).click()
  await expect.poll(async () => Number(await clock.getAttribute('data-sim-time'))).toBeGreaterThan(Number(back))
  for (let i = 0; i < 5; i++) {
    const [a, b, c] = await times(page)
    expect([b, c]).toEqual([a, a])
  }
  await page.getByRole('button', { name: 'Pause' }).click()
  const paused = await clock.getAttribute('data-sim-time')
  expect(await times(page)).toEqual([paused, paused, paused])
})

test('the URL keeps the workload and the time; opening it shows the same frame', async ({ page }) => {
  await page.goto('/?compare=throttled')
  // The compare page is a lazy chunk: keys pressed before it mounts would go nowhere.
  await expect(page.getByTestId('stage')).toHaveCount(3)
  // The buttons, not the keys: the page's key listener may attach a moment after the stages draw.
  const forward = page.getByRole('button', { name: 'Step forward' })
  for (let i = 0; i < 3; i++) await forward.click()
  const clock = page.getByTestId('compare-clock')
  await expect.poll(async () => Number(await clock.getAttribute('data-sim-time'))).toBeGreaterThan(0)
  const t = await clock.getAttribute('data-sim-time')
  await expect.poll(() => new URL(page.url()).searchParams.get('t')).toBe(t)
  const steps = await page.getByTestId('stage').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')))
  await page.goto(`/?compare=throttled&t=${t}`)
  await expect(page.getByTestId('stage')).toHaveCount(3)
  expect(await times(page)).toEqual([t, t, t])
  expect(await page.getByTestId('stage').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')))).toEqual(
    steps,
  )
})

test('the summary row says what differed, from the engine reports', async ({ page }) => {
  await page.goto('/?compare=throttled')
  const table = page.getByTestId('compare-summary')
  await expect(table.locator('tr', { hasText: 'What the caller saw' })).toContainText('429')
  await expect(table.locator('tr', { hasText: 'What the caller saw' })).toContainText('202 Accepted')
  await expect(table.locator('tr[data-differs]', { hasText: 'Throttles' })).toHaveCount(1)
})

test('reachable from the app; an unknown comparison falls back with a message', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('compare-link').click()
  await expect(page.getByTestId('compare-page')).toBeVisible()
  await expect(page.getByTestId('stage')).toHaveCount(3)
  await page.goto('/?compare=nope')
  await expect(page.getByTestId('notice')).toContainText('nope')
  await expect(page.getByTestId('stage')).toHaveCount(3)
})

test('readable at 1280×720: one model at a time (tabs switch, all stay on the clock), node labels ≥ 13.5 px, the summary under the first screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/?compare=burst&t=1500')
  const lanes = page.getByTestId('compare-lane')
  await expect(lanes).toHaveCount(3)
  const textPx = (lane: ReturnType<typeof lanes.nth>) =>
    lane
      .locator('.lem-node-label')
      .first()
      .evaluate((el) => {
        const svg = (el as SVGGraphicsElement).ownerSVGElement!
        return (
          (parseFloat(getComputedStyle(el).fontSize) * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width
        )
      })
  for (const [i, tab] of ['Synchronous', 'Asynchronous', 'Poll-based (SQS)'].entries()) {
    await page.getByRole('tab', { name: tab, exact: true }).click()
    await expect(lanes.nth(i)).toBeVisible()
    await expect(lanes.filter({ visible: true })).toHaveCount(1)
    await expect(lanes.nth(i).locator('.lem-stage-slot[data-room]')).toHaveCount(1)
    // Never below the readable floor (0.75): node labels at 13.5 px or more, every text at 12 or more.
    expect(await textPx(lanes.nth(i)), tab).toBeGreaterThanOrEqual(18 * 0.75 - 0.01)
    const stageBox = (await lanes.nth(i).getByTestId('stage').boundingBox())!
    expect(stageBox.y + stageBox.height, tab).toBeLessThanOrEqual(720)
    // The stage has the first screen; the summary follows under it.
    const summary = (await page.getByTestId('compare-summary').boundingBox())!
    expect(summary.y, 'summary').toBeGreaterThanOrEqual(stageBox.y + stageBox.height)
  }
  // The hidden lanes followed the clock.
  expect(await times(page)).toEqual(['1500', '1500', '1500'])
})
