import { expect, test } from '@playwright/test'
import { stage, watchErrors } from './helpers'

// Issue 10 item 6: the metrics panel reads the state at the playhead, so at every step its numbers
// agree with what the stage draws (it used to read 0 on steps 1-9 of sync-basics while 4 ran).
test('sync-basics step by step: ConcurrentExecutions is the stage’s busy count and Invocations keeps up', async ({
  page,
}) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=sync-basics')
  const panel = page.getByRole('region', { name: 'Metrics' })
  const metric = (name: string) => panel.locator(`[data-metric="${name}"]`)
  const forward = page.getByRole('button', { name: 'Step forward' })
  let invocations = 0
  let sawBusy = false
  for (let step = 1; step <= 10; step++) {
    await forward.click()
    await expect(stage(page)).toHaveAttribute('data-step', String(step))
    await expect(panel).toHaveAttribute('data-step', String(step))
    const busy = await stage(page).locator('[data-env-state="busy"], [data-env-state="init"]').count()
    await expect(metric('ConcurrentExecutions')).toHaveAttribute('data-value', String(busy))
    await expect(metric('ConcurrentExecutions').locator('.lem-metric-value')).toHaveText(String(busy))
    await expect(stage(page).getByText(new RegExp(`^Concurrency ${busy} /`))).toBeVisible()
    const now = Number(await metric('Invocations').getAttribute('data-value'))
    expect(now).toBeGreaterThanOrEqual(invocations)
    if (busy > 0) {
      sawBusy = true
      expect(now).toBeGreaterThanOrEqual(busy)
    }
    invocations = now
  }
  expect(sawBusy).toBe(true)
  expect(invocations).toBeGreaterThan(0)
  expect(errors).toEqual([])
})

// One preset per model, at fixed "random" steps (links), the panel's ConcurrentExecutions is the
// gauge's busy count (the engine's recount is checked in src/store/metricsAtCursor.test.ts).
const spots: [string, number[]][] = [
  ['sync-burst-scaling', [3, 11, 20]],
  ['async-throttled-backoff', [4, 13, 22]],
  ['sqs-scaling', [250, 900, 1700]],
  ['sqs-fifo-blocked-group', [5, 17, 30]],
  ['kinesis-parallelization', [6, 14, 25]],
  ['dynamodb-stream-retries', [3, 9, 15]],
]
for (const [preset, steps] of spots) {
  test(`${preset}: at steps ${steps.join(', ')} the panel shows the stage's concurrency`, async ({ page }) => {
    const panel = page.getByRole('region', { name: 'Metrics' })
    for (const step of steps) {
      await page.goto(`/?scenario=${preset}&step=${step}`)
      await expect(panel).toHaveAttribute('data-step', String(step))
      const gauge = await stage(page).locator('.lem-gauge-text').textContent()
      const busy = /Concurrency (\d+) \//.exec(gauge ?? '')?.[1]
      expect(busy).toBeDefined()
      await expect(panel.locator('[data-metric="ConcurrentExecutions"]')).toHaveAttribute('data-value', busy!)
    }
  })
}
