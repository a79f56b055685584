// Issue 18, item 2: the event source mapping's pollers are actors on the stage. Their number comes
// from the engine at the cursor, scales visibly in sqs-scaling, and a poller reaches into the queue
// when it polls; the legend says who holds each wait.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { settled, stage, watchErrors } from './helpers'

const strip = (page: Page) => stage(page).locator('svg .lem-pollers')

/** The count the stage says, the glyphs it draws, and the count's size on screen. */
async function drawn(page: Page) {
  await settled(page)
  return strip(page).evaluate((g) => {
    const text = g.querySelector<SVGTextElement>('.lem-pollers-count')!
    const scale = text.getScreenCTM()?.a ?? 0
    return {
      count: Number(g.getAttribute('data-pollers')),
      polling: g.querySelectorAll('.lem-poller--reach').length,
      words: text.textContent,
      glyphs: g.querySelectorAll('.lem-poller').length,
      arms: g.querySelectorAll('.lem-poller-arm').length,
      px: parseFloat(getComputedStyle(text).fontSize) * scale,
    }
  })
}

test('sqs-scaling: the pollers start at 5, visibly grow beat by beat while the backlog waits, and reach into the queue', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const errors = watchErrors(page)
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/?scenario=sqs-scaling')
  const first = await drawn(page)
  expect(first).toMatchObject({ count: 5, words: '5 pollers', glyphs: 5 })
  expect(first.px).toBeGreaterThanOrEqual(12)
  await page.locator('body').click({ position: { x: 2, y: 2 } })
  const seen = [first]
  for (let k = 0; k < 8; k++) {
    await page.keyboard.press('ArrowRight')
    seen.push(await drawn(page))
  }
  const last = seen[seen.length - 1]!
  expect(last.count).toBeGreaterThan(first.count + 3)
  expect(last.glyphs).toBeGreaterThan(first.glyphs)
  expect(last.words).toBe(`${last.count} pollers`)
  // Counts never go down while the backlog grows, and some beat shows a poll reaching into the queue.
  for (let k = 1; k < seen.length; k++) expect(seen[k]!.count).toBeGreaterThanOrEqual(seen[k - 1]!.count)
  const reaching = seen.filter((d) => d.polling > 0)
  expect(reaching.length).toBeGreaterThan(0)
  for (const d of reaching) expect(d.arms).toBe(1)
  expect(errors).toEqual([])
})

test('sqs-provisioned-mode starts at MinimumPollers (2) and grows past them', async ({ page }) => {
  test.setTimeout(90_000)
  await page.goto('/?scenario=sqs-provisioned-mode')
  expect((await drawn(page)).count).toBe(2)
  await page.locator('body').click({ position: { x: 2, y: 2 } })
  for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowRight')
  expect((await drawn(page)).count).toBeGreaterThan(2)
})

test('the legend says who holds each wait: SQS hides a ghost; Lambda holds a retry the source already had its 202 for', async ({
  page,
}) => {
  await page.goto('/?scenario=sqs-visibility-too-short')
  await expect(stage(page).getByRole('list', { name: 'Legend' })).toContainText(
    'SQS hides this message; Lambda no longer has it',
  )
  await page.goto('/?scenario=async-retries')
  await expect(stage(page).getByRole('list', { name: 'Legend' })).toContainText(
    'Lambda holds this event; Amazon S3 already had its 202',
  )
  await expect(strip(page)).toHaveCount(0)
})
