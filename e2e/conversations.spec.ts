// Issue 10 item 5, in real Chromium: the conversations drawn on the stage (caller connections and
// answers, the async 202, ghosts of messages in flight, lanes, the poison record). Each test steps
// forward until the drawing appears (never a sleep), so it holds whatever a step groups.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { stage, watchErrors } from './helpers'

/** Steps forward until `target` is on the stage (at most `max` clicks). */
async function stepUntil(page: Page, target: Locator, max = 80): Promise<void> {
  const forward = page.getByRole('button', { name: 'Step forward' })
  for (let i = 0; i < max; i++) {
    if ((await target.count()) > 0) return
    const before = await stage(page).getAttribute('data-step')
    await forward.click()
    await expect(stage(page)).not.toHaveAttribute('data-step', before ?? '')
  }
  expect(await target.count(), 'never appeared').toBeGreaterThan(0)
}

test('§1.1 sync-basics: the caller holds a line to its running request, then the 200 comes back as a chip', async ({
  page,
}) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=sync-basics')
  const line = stage(page).locator('[data-connection]')
  await stepUntil(page, line)
  const id = await line.first().getAttribute('data-connection')
  await expect(stage(page).locator(`[data-hold="${id}"]`)).toBeVisible()
  await expect(stage(page).locator(`[data-hold="${id}"] .lem-token-timer`)).toHaveCount(1)
  await expect(stage(page).locator(`[data-token-id="${id}"]`)).toHaveAttribute('data-token-state', 'running')
  const chip = stage(page).locator('[data-reply-code="200"]')
  await stepUntil(page, chip)
  await expect(chip).toContainText('200 OK')
  await expect(stage(page).locator('[data-token-reply="200"]').first()).toBeVisible()
  expect(errors).toEqual([])
})

test('§1.4 sync-throttled: the 429 chip carries its Reason, and the throttled request is marked 429', async ({
  page,
}) => {
  await page.goto('/?scenario=sync-throttled')
  const chip = stage(page).locator('[data-reply-code="429"]')
  await stepUntil(page, chip)
  await expect(chip).toContainText(/429 .*ConcurrentInvocationLimitExceeded|429 .*ReservedFunction/)
  await expect(stage(page).locator('[data-token-reply="429"]').first()).toBeVisible()
  // Drawn (a level line has a zero-height box, which toBeVisible counts as hidden): a path that goes somewhere.
  const conn = stage(page).locator('[data-connection]').first()
  await expect(conn).toHaveAttribute('d', /^M [\d.]+ [\d.]+ [LC] /)
  expect((await conn.boundingBox())!.width).toBeGreaterThan(40)
})

test('§3.2 async-retries: the 202 goes back to the source at once', async ({ page }) => {
  await page.goto('/?scenario=async-retries')
  const chip = stage(page).locator('[data-reply-code="202"]')
  await stepUntil(page, chip, 6)
  await expect(chip).toContainText('202 Accepted')
})

test('§4.2 sqs-redrive-dlq: a message hidden by its visibility timeout is a ghost with a countdown and its receive count', async ({
  page,
}) => {
  await page.goto('/?scenario=sqs-redrive-dlq')
  const ghost = stage(page).locator('[data-token-state="invisible"]')
  await stepUntil(page, ghost)
  await expect(ghost.first().locator('.lem-token-timer')).toHaveCount(1)
  await expect(ghost.first().locator('[data-receives]')).toHaveCount(1)
  await expect(page.locator('[data-legend="invisible"]')).toContainText('hidden in flight')
})

test('§4.2 sqs-visibility-too-short: the queue keeps a ghost of the running message, counting down its visibility timeout', async ({
  page,
}) => {
  await page.goto('/?scenario=sqs-visibility-too-short')
  const hold = stage(page).locator('[data-hold]')
  await stepUntil(page, hold)
  await expect(hold.first().locator('.lem-token-timer')).toHaveCount(1)
})

test('§4.2 sqs-fifo-blocked-group: message groups are lanes, and the failing group is blocked', async ({ page }) => {
  await page.goto('/?scenario=sqs-fifo-blocked-group')
  await stepUntil(page, stage(page).locator('[data-lane][data-blocked="true"]'))
  expect(await stage(page).locator('[data-lane]').count()).toBeGreaterThan(1)
  await expect(stage(page).locator('[data-lane="A"]')).toBeVisible()
})

test('§4.3 kinesis-parallelization: each shard draws its lanes with their checkpoint', async ({ page }) => {
  await page.goto('/?scenario=kinesis-parallelization')
  await stepUntil(page, stage(page).locator('[data-lane]'))
  await expect(stage(page).locator('[data-lane]')).toHaveCount(4)
  await expect(stage(page).locator('[data-lane] .lem-checkpoint-bar')).toHaveCount(4)
})

test('§4.3 kinesis-poison-blocks-shard: the poison record is listed first in its lane, marked, with the lane blocked behind it', async ({
  page,
}) => {
  await page.goto('/?scenario=kinesis-poison-blocks-shard')
  const lane = stage(page).locator('[data-lane][data-blocked="true"]')
  // Wait until records have piled up behind the poison record.
  await stepUntil(page, lane.locator('.lem-more'))
  await expect(lane.locator('[data-blocked-marker]')).toHaveCount(1)
  // Band and tokens measured in one go, and polled: the stage may still be scrolling to the action
  // or a token gliding into the lane.
  const inLane = () =>
    lane.evaluate((laneEl) => {
      const band = laneEl.querySelector('.lem-lane-band')
      const svg = laneEl.closest('svg')
      if (!band || !svg) return { count: 0, firstPoison: false, restClean: false }
      const b = band.getBoundingClientRect()
      const tokens = Array.from(svg.querySelectorAll('[data-token-id]'))
        .map((e) => ({ poison: e.querySelector('[data-poison]') !== null, r: e.getBoundingClientRect() }))
        .map((t) => ({ ...t, x: t.r.x + t.r.width / 2, y: t.r.y + t.r.height / 2 }))
        .filter((t) => t.x > b.x && t.x < b.x + b.width && t.y > b.y && t.y < b.y + b.height)
        .sort((p, q) => Math.round(p.y - q.y) || p.x - q.x)
      return {
        count: Math.min(tokens.length, 2),
        firstPoison: tokens[0]?.poison === true,
        restClean: tokens.slice(1).every((t) => !t.poison),
      }
    })
  await expect.poll(inLane).toEqual({ count: 2, firstPoison: true, restClean: true })
})
