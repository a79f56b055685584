// Issue 4 "Must show", for each model, in real Chromium. Assertions are on data-step and
// data-sim-time (never on sleeps).
import { expect, test } from '@playwright/test'
import { frame, stage, watchErrors } from './helpers'

const MODELS = [
  { model: 'sync', preset: 'sync-basics' },
  { model: 'async', preset: 'async-retries' },
  { model: 'sqs', preset: 'sqs-batch-failure' },
  { model: 'kinesis', preset: 'kinesis-bisect-poison' },
] as const

for (const { model, preset } of MODELS) {
  test.describe(`${model} (${preset})`, () => {
    test('play moves the clock and the tokens', async ({ page }) => {
      const errors = watchErrors(page)
      await page.goto(`/?scenario=${preset}`)
      await expect(stage(page)).toHaveAttribute('data-model', model)
      const before = await frame(page)
      await page.getByRole('button', { name: 'Play' }).click()
      await expect.poll(async () => Number(await stage(page).getAttribute('data-sim-time'))).toBeGreaterThan(0)
      await expect.poll(async () => Number(await stage(page).getAttribute('data-step'))).toBeGreaterThan(1)
      // A short run skips its idle minutes and can end (Play shows again) before a click on Pause:
      // either way the frame has moved on from the start.
      expect((await frame(page)).tokens).not.toEqual(before.tokens)
      expect(errors).toEqual([])
    })

    test('with fine steps, step forward applies one occurrence; step back restores the exact frame; a link shows the same frame', async ({
      page,
      browser,
    }) => {
      const errors = watchErrors(page)
      await page.goto(`/?scenario=${preset}`)
      await page.getByRole('checkbox', { name: 'Fine steps' }).check()
      const forward = page.getByRole('button', { name: 'Step forward' })
      for (let i = 1; i <= 6; i++) {
        await forward.click()
        await expect(stage(page)).toHaveAttribute('data-step', String(i))
      }
      const at6 = await frame(page)
      await forward.click()
      await expect(stage(page)).toHaveAttribute('data-step', '7')
      await page.getByRole('button', { name: 'Step back' }).click()
      await expect(stage(page)).toHaveAttribute('data-step', '6')
      expect(await frame(page)).toEqual(at6)
      await expect(page).toHaveURL(new RegExp(`scenario=${preset}&step=6`))
      const fresh = await browser.newPage()
      await fresh.goto(`/?scenario=${preset}&step=6`)
      await expect(stage(fresh)).toHaveAttribute('data-step', '6')
      expect(await frame(fresh)).toEqual(at6)
      await fresh.close()
      expect(errors).toEqual([])
    })

    test('keyboard only: Shift+arrows step one occurrence, Home resets, Enter on a token opens its history', async ({
      page,
    }) => {
      await page.goto(`/?scenario=${preset}`)
      await page.locator('body').click({ position: { x: 2, y: 2 } })
      for (let i = 1; i <= 4; i++) {
        await page.keyboard.press('Shift+ArrowRight')
        await expect(stage(page)).toHaveAttribute('data-step', String(i))
      }
      await page.keyboard.press('Shift+ArrowLeft')
      await expect(stage(page)).toHaveAttribute('data-step', '3')
      const token = stage(page).locator('[data-token-id]').first()
      const id = await token.getAttribute('data-token-id')
      // Tab reaches the tokens (they are buttons in the stage).
      for (
        let i = 0;
        i < 60 && !(await page.evaluate(() => document.activeElement?.hasAttribute('data-token-id') ?? false));
        i++
      )
        await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-token-id') ?? null)
      expect(focused).not.toBeNull()
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('event-history')).toBeVisible()
      await expect(page.getByTestId('event-history')).toContainText(focused ?? id ?? '')
      await page.keyboard.press('Escape')
      await page.locator('body').click({ position: { x: 2, y: 2 } })
      await page.keyboard.press('Home')
      await expect(stage(page)).toHaveAttribute('data-step', '0')
      await expect(stage(page)).toHaveAttribute('data-sim-time', '0')
    })
  })
}

test('the history of the retried async-retries event (upload-1) lists all three attempts', async ({ page }) => {
  await page.goto('/?scenario=async-retries')
  // Jump through the retries: the third attempt fails and the record goes to the on-failure destination.
  const next = page.getByRole('button', { name: 'DLQ / on-failure' })
  await next.click()
  await expect(stage(page)).not.toHaveAttribute('data-step', '0')
  await stage(page).locator('[data-token-id="upload-1"]').focus()
  await page.keyboard.press('Enter')
  const history = page.getByTestId('event-history')
  await expect(history).toBeVisible()
  const attempts = history.locator('[data-story-kind="attempt"]')
  await expect(attempts).toHaveCount(3)
  for (let i = 0; i < 3; i++) await expect(attempts.nth(i)).toContainText(`Attempt ${i + 1}`)
  await expect(history.locator('[data-story-kind="delivery"]')).toContainText(/on-failure/)
  // §3.5: the invocation record Lambda sent, as JSON, folded until asked for.
  const record = history.getByTestId('story-record')
  await expect(record.locator('pre')).toBeHidden()
  await record.locator('summary').click()
  await expect(record.locator('pre')).toBeVisible()
  await expect(record.locator('pre')).toContainText('"condition": "RetriesExhausted"')
  await expect(record.locator('pre')).toContainText('"approximateInvokeCount": 3')
})

for (const size of [
  { name: 'desktop', width: 1280, height: 720 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`stage text fits its boxes and is at least 12 px on screen (${size.name}; the one-screen layout may draw the stage down to 0.75)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height })
    for (const { preset } of MODELS) {
      await page.goto(`/?scenario=${preset}&step=6`)
      await expect(stage(page)).toHaveAttribute('data-step', '6')
      const problems = await stage(page).evaluate((root) => {
        const out: string[] = []
        const svg = root.querySelector('svg')!
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
        for (const node of root.querySelectorAll('.lem-node')) {
          const box = node.querySelector('rect')!.getBBox()
          for (const t of node.querySelectorAll<SVGTextContentElement>(
            '.lem-node-label tspan, .lem-node-detail tspan',
          )) {
            const b = t.getBBox()
            if (b.x + b.width > box.x + box.width - 4) out.push(`overflow: "${t.textContent}"`)
          }
        }
        for (const t of root.querySelectorAll<SVGTextElement>('svg text')) {
          if (t.closest('.lem-token')) continue
          const px = parseFloat(getComputedStyle(t).fontSize) * scale
          if (px < 11.9) out.push(`small (${px.toFixed(1)} px): "${t.textContent}"`)
        }
        return out
      })
      expect(problems, preset).toEqual([])
    }
  })
}
