// Presentation mode: clicker keys step, the chrome is hidden, the URL keeps the frame.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'

const stage = (page: Page) => page.getByTestId('stage')
const frame = (page: Page) => page.getByTestId('present-frame')

test('?present=1 shows only the stage and caption; PageDown / PageUp and the other clicker keys step', async ({
  page,
}) => {
  await page.goto('/?scenario=sync-basics&present=1')
  await expect(frame(page)).toHaveAttribute('data-presenting', 'true')
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0)
  await expect(page.locator('.lem-side')).toHaveCount(0)
  await expect(page.locator('.lem-timeline, .lem-models, .lem-commands')).toHaveCount(0)
  await expect(stage(page)).toBeVisible()
  await expect(page.getByTestId('caption')).toBeVisible()
  await expect(stage(page)).toHaveAttribute('data-step', '0')

  await page.keyboard.press('PageDown')
  await expect(stage(page)).toHaveAttribute('data-step', '1')
  await page.keyboard.press('PageDown')
  await expect(stage(page)).toHaveAttribute('data-step', '2')
  await page.keyboard.press('PageUp')
  await expect(stage(page)).toHaveAttribute('data-step', '1')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Space')
  await expect(stage(page)).toHaveAttribute('data-step', '4')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowLeft')
  await expect(stage(page)).toHaveAttribute('data-step', '2')
  await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBe('1')
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('2')
})

test('controls stay hidden until the pointer moves, and come back on focus', async ({ page }) => {
  await page.goto('/?scenario=sync-basics&present=1')
  const transport = page.locator('.lem-transport')
  await expect(frame(page)).toHaveAttribute('data-idle', 'true')
  await expect(transport).toHaveCSS('opacity', '0')
  await page.mouse.move(300, 300)
  await page.mouse.move(320, 310)
  await expect(frame(page)).not.toHaveAttribute('data-idle', 'true')
  await expect(transport).toHaveCSS('opacity', '1')
  await page.getByRole('button', { name: 'Step forward' }).click()
  await expect(stage(page)).toHaveAttribute('data-step', '1')
  // Hidden again after a while; focus (keyboard users) brings them back.
  await expect(frame(page)).toHaveAttribute('data-idle', 'true', { timeout: 6000 })
  await page.getByRole('button', { name: 'Step back' }).focus()
  await expect(transport).toHaveCSS('opacity', '1')
})

test('"." blanks the screen (as in PowerPoint); the next key brings it back without stepping', async ({ page }) => {
  await page.goto('/?scenario=sync-basics&present=1&step=2')
  await expect(stage(page)).toHaveAttribute('data-step', '2')
  await page.keyboard.press('.')
  await expect(page.getByTestId('present-blank')).toBeVisible()
  await page.keyboard.press('PageDown')
  await expect(page.getByTestId('present-blank')).toHaveCount(0)
  await expect(stage(page)).toHaveAttribute('data-step', '2')
  // A clicker pressed again at once: the key only brings the screen back, even before the blank's
  // first frame is over.
  await page.evaluate(() => {
    for (const key of ['.', 'PageDown'])
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
  })
  await expect(page.getByTestId('present-blank')).toHaveCount(0)
  await page.waitForTimeout(300)
  await expect(stage(page)).toHaveAttribute('data-step', '2')
})

test('the Present button and the P key enter; Escape leaves and the URL forgets present=1', async ({ page }) => {
  await page.goto('/?scenario=sync-basics')
  await page.getByTestId('present-button').click()
  await expect(frame(page)).toHaveAttribute('data-presenting', 'true')
  await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBe('1')
  await page.keyboard.press('PageDown')
  await expect(stage(page)).toHaveAttribute('data-step', '1')
  // Headless Chromium may or may not have granted full screen; Escape leaves either way.
  await page.evaluate(() => document.fullscreenElement && document.exitFullscreen())
  await page.keyboard.press('Escape')
  await expect(frame(page)).not.toHaveAttribute('data-presenting', 'true')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBeNull()
  await expect(stage(page)).toHaveAttribute('data-step', '1')
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('p')
  await expect(frame(page)).toHaveAttribute('data-presenting', 'true')
})

test('at 1280×720 the stage is drawn at 1:1 or bigger, and a busy caption is capped at two entries with a working "+N more"', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/?scenario=kinesis-bisect-poison&present=1')
  const scale = () =>
    stage(page)
      .locator('svg')
      .first()
      .evaluate(
        (svg) => (svg as SVGSVGElement).getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width,
      )
  const more = page.getByTestId('caption-more')
  // Step until a step says more than two things at once.
  const busy = async () => (await more.count()) > 0 && /^\+\d+ more$/.test((await more.textContent()) ?? '')
  for (let i = 0; i < 40 && !(await busy()); i++) {
    const step = Number(await stage(page).getAttribute('data-step'))
    await page.keyboard.press('PageDown')
    // One beat on (a beat may span several steps).
    await expect(stage(page)).not.toHaveAttribute('data-step', String(step))
    expect(Number(await stage(page).getAttribute('data-step'))).toBeGreaterThan(step)
    expect(await scale()).toBeGreaterThanOrEqual(1)
  }
  await expect(more).toHaveText(/^\+\d+ more$/)
  const hidden = Number((await more.textContent())!.match(/\d+/)![0])
  const items = page.getByTestId('caption').locator('.lem-caption-item')
  await expect(items).toHaveCount(2 + hidden)
  await expect(items.filter({ visible: true })).toHaveCount(2)
  const caption = (await page.getByTestId('caption').boundingBox())!
  expect(caption.y + caption.height).toBeLessThanOrEqual(720)
  await more.click()
  await expect(items.filter({ visible: true })).toHaveCount(2 + hidden)
  await expect(more).toHaveText('Show less')
  expect(await scale()).toBeGreaterThanOrEqual(1)
})
