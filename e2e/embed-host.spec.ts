// Two custom elements and one iframe on a host page whose CSS would wreck a leaky embed
// (examples/hostile-host.html): each embed works on its own, neither side restyles the other, the
// iframe reports its height, and messages of the wrong shape do nothing.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'

const HOST = '/examples/hostile-host.html'
const stageOf = (page: Page, id: string) => page.locator(`#${id} [data-testid="stage"]`)
const frameStage = (page: Page) => page.frameLocator('#frame').getByTestId('stage')

test.beforeEach(async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(HOST)
  await expect(stageOf(page, 'first')).toHaveAttribute('data-model', 'sync')
  await expect(stageOf(page, 'second')).toHaveAttribute('data-model', 'async')
  await expect(frameStage(page)).toHaveAttribute('data-model', 'sqs')
  expect(errors).toEqual([])
})

test("the host's own styles are unchanged and nothing is added to its head", async ({ page }) => {
  const [before, after] = await page.evaluate(() => {
    const w = window as unknown as { hostLookBefore: unknown; hostLook: () => unknown }
    return [w.hostLookBefore, w.hostLook()]
  })
  expect(after).toEqual(before)
  expect(await page.locator('head style, head link[rel="stylesheet"]').count()).toBe(1)
})

test("the host's CSS does not restyle the embeds", async ({ page }) => {
  for (const id of ['first', 'second']) {
    const play = page.locator(`#${id}`).getByRole('button', { name: 'Play' })
    await expect(play).toBeVisible()
    const look = await page.locator(`#${id} .lem-root`).evaluate((e) => {
      const s = getComputedStyle(e)
      const caption = getComputedStyle(e.querySelector('.lem-caption')!)
      return {
        color: s.color,
        fontSize: s.fontSize,
        background: s.backgroundColor,
        outline: s.outlineStyle,
        captionColor: caption.color,
        captionSize: caption.fontSize,
      }
    })
    expect(look.color).not.toBe('rgb(255, 0, 0)')
    expect(look.captionColor).not.toBe('rgb(255, 0, 0)')
    expect(look.fontSize).toBe('17px')
    expect(look.captionSize).not.toBe('40px')
    expect(look.background).not.toBe('rgb(0, 255, 0)')
    expect(look.outline).toBe('none')
  }
})

test('each embed plays and steps on its own', async ({ page }) => {
  await page.locator('#first').getByRole('button', { name: 'Step forward' }).click()
  await page.locator('#first').getByRole('button', { name: 'Step forward' }).click()
  await expect(stageOf(page, 'first')).toHaveAttribute('data-step', '2')
  await expect(stageOf(page, 'second')).toHaveAttribute('data-step', '0')
  await expect(frameStage(page)).toHaveAttribute('data-step', '0')

  await page.locator('#second').getByRole('button', { name: 'Play' }).click()
  await expect.poll(async () => Number(await stageOf(page, 'second').getAttribute('data-step'))).toBeGreaterThan(0)
  await expect(stageOf(page, 'first')).toHaveAttribute('data-step', '2')

  // One beat: the 30 messages sent at 0 ms.
  await page.frameLocator('#frame').getByRole('button', { name: 'Step forward' }).click()
  await expect(frameStage(page)).toHaveAttribute('data-step', '30')
  await expect(stageOf(page, 'first')).toHaveAttribute('data-step', '2')
})

test('attributes are live: step seeks, scenario reloads', async ({ page }) => {
  await page.locator('#first').evaluate((e) => e.setAttribute('step', '5'))
  await expect(stageOf(page, 'first')).toHaveAttribute('data-step', '5')
  await page.locator('#first').evaluate((e) => e.setAttribute('scenario', 'sqs-batch-failure'))
  await expect(stageOf(page, 'first')).toHaveAttribute('data-model', 'sqs')
  await expect(stageOf(page, 'second')).toHaveAttribute('data-model', 'async')
})

test('the iframe reports its height and the host sizes it', async ({ page }) => {
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (window as unknown as { embedMessages: { type: string; id: string }[] }).embedMessages.filter(
            (m) => m.type === 'height' && m.id === 'frame',
          ).length,
      ),
    )
    .toBeGreaterThan(0)
  const reported = await page.evaluate(() => {
    const all = (window as unknown as { embedMessages: { type: string; height: number }[] }).embedMessages.filter(
      (m) => m.type === 'height',
    )
    return all[all.length - 1]!.height
  })
  expect(reported).toBeGreaterThan(300)
  await expect.poll(() => page.locator('#frame').evaluate((f) => f.getBoundingClientRect().height)).toBe(reported)
  const types = await page.evaluate(() =>
    (window as unknown as { embedMessages: { type: string }[] }).embedMessages.map((m) => m.type),
  )
  expect(types).toContain('ready')
  expect(types).toContain('state')
})

test('host commands drive the iframe; messages of the wrong shape do nothing', async ({ page }) => {
  await page.evaluate(() => {
    const w = (document.getElementById('frame') as HTMLIFrameElement).contentWindow!
    const bad: unknown[] = [
      'play',
      { type: 'play' },
      { protocol: 'lambda-models', type: 'play', extra: 1 },
      { protocol: 'lambda-models', type: 'step', direction: 'sideways' },
      { protocol: 'lambda-models', type: 'seek', step: -3 },
      { protocol: 'lambda-models', type: 'seek', step: '40' },
      { protocol: 'lambda-models', type: 'eval', code: 'document.body.remove()' },
      [{ protocol: 'lambda-models', type: 'play' }],
    ]
    for (const m of bad) w.postMessage(m, '*')
    // Delivered in order: once this one shows, every bad one before it has been handled (ignored).
    w.postMessage({ protocol: 'lambda-models', type: 'step', direction: 'forward' }, '*')
  })
  // One beat forward: the 30 messages sent at 0 ms.
  await expect(frameStage(page)).toHaveAttribute('data-step', '30')
  await expect(page.frameLocator('#frame').getByRole('button', { name: 'Play' })).toBeVisible()

  await page.evaluate(() =>
    (document.getElementById('frame') as HTMLIFrameElement).contentWindow!.postMessage(
      { protocol: 'lambda-models', type: 'seek', step: 7 },
      '*',
    ),
  )
  await expect(frameStage(page)).toHaveAttribute('data-step', '7')
  await page.evaluate(() =>
    (document.getElementById('frame') as HTMLIFrameElement).contentWindow!.postMessage(
      { protocol: 'lambda-models', type: 'play' },
      '*',
    ),
  )
  await expect(page.frameLocator('#frame').getByRole('button', { name: 'Pause' })).toBeVisible()
})

test('an embed scrolled out of view pauses, and resumes when it comes back', async ({ page }) => {
  const first = page.locator('#first')
  await first.getByRole('button', { name: 'Play' }).click()
  await expect(first.getByRole('button', { name: 'Pause' })).toBeVisible()
  await page.locator('#page-end').scrollIntoViewIfNeeded()
  await expect(page.locator('#first .lem-embed')).toHaveAttribute('data-offscreen', 'true')
  const paused = await stageOf(page, 'first').getAttribute('data-sim-time')
  await expect(first.getByRole('button', { name: 'Play' })).toBeAttached()
  expect(await stageOf(page, 'first').getAttribute('data-sim-time')).toBe(paused)
  await first.scrollIntoViewIfNeeded()
  await expect(first.getByRole('button', { name: 'Pause' })).toBeVisible()
})

test('with theme=auto the iframe follows the theme its host sends, and back to the system on null', async ({
  page,
}) => {
  const root = page.frameLocator('#frame').locator('.lem-root').first()
  const send = (theme: string | null) =>
    page.evaluate(
      (t) =>
        (document.getElementById('frame') as HTMLIFrameElement).contentWindow!.postMessage(
          { protocol: 'lambda-models', type: 'theme', theme: t },
          '*',
        ),
      theme,
    )
  await send('dark')
  await expect(root).toHaveAttribute('data-theme', 'dark')
  await send('light')
  await expect(root).toHaveAttribute('data-theme', 'light')
  await send(null)
  await expect(root).not.toHaveAttribute('data-theme', /light|dark/)
})
