// The iframe embed as a docs host meets it (issue 12, item 5): options from the hash, the one-line
// helper (examples/iframe-host.html + embed-host.js: sizing, theme=auto following the page, commands
// held until ready), commands sent before `ready` done not dropped, and `error` answers.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'

interface Msg {
  readonly type: string
  readonly id: string
  readonly step?: number
  readonly message?: string
  readonly height?: number
}

const frameStage = (page: Page, id: string) => page.frameLocator(`#${id}`).getByTestId('stage')

/** Records what embeds post to the page, in order, from before anything loads. */
async function recordMessages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { got: unknown[] }
    w.got = []
    window.addEventListener('message', (e) => {
      const m = e.data as { protocol?: string }
      if (m && m.protocol === 'lambda-models') w.got.push(m)
    })
  })
}
const messages = (page: Page) => page.evaluate(() => (window as unknown as { got: Msg[] }).got)

test.beforeEach(async ({ page }) => {
  await recordMessages(page)
})

test('options in the hash are read (a redirect that drops the query keeps them)', async ({ page }) => {
  await page.goto('/examples/iframe-host.html')
  await expect(frameStage(page, 'retries')).toHaveAttribute('data-model', 'async')
  await page.goto('/examples/iframe-host.html')
  await page.evaluate(() => {
    const f = document.createElement('iframe')
    f.id = 'both'
    f.src = '../embed.html?scenario=sync-basics#scenario=async-retries&step=2'
    document.body.append(f)
  })
  // The query wins for scenario; step comes from the hash.
  await expect(frameStage(page, 'both')).toHaveAttribute('data-model', 'sync')
  await expect(frameStage(page, 'both')).toHaveAttribute('data-step', '2')
})

test('with the helper, frames size themselves and theme=auto follows the page both ways', async ({ page }) => {
  await page.goto('/examples/iframe-host.html')
  const root = page.frameLocator('#retries').locator('.lem-root')
  await expect(root).toHaveAttribute('data-theme', 'light')
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'))
  await expect(root).toHaveAttribute('data-theme', 'dark')
  await page.evaluate(() => {
    document.documentElement.removeAttribute('data-theme')
    document.documentElement.classList.add('dark')
  })
  await expect(root).toHaveAttribute('data-theme', 'dark')
  // Class `dark` removed (how VitePress switches to light): light, not the system's preference.
  await page.evaluate(() => document.documentElement.classList.remove('dark'))
  await expect(root).toHaveAttribute('data-theme', 'light')
  await expect.poll(async () => (await messages(page)).filter((m) => m.type === 'height').length).toBeGreaterThan(0)
  const heights = (await messages(page)).filter((m) => m.type === 'height')
  await expect
    .poll(() => page.locator('#retries').evaluate((f) => f.getBoundingClientRect().height))
    .toBe(heights[heights.length - 1]!.height)
})

test('commands sent before ready are done, in order, not dropped', async ({ page }) => {
  await page.goto('/examples/iframe-host.html')
  // Straight from the frame's load event: its script is listening, the visualizer not yet running.
  await page.evaluate(() => {
    const f = document.createElement('iframe')
    f.id = 'early'
    f.src = '../embed.html?scenario=async-retries&id=early'
    f.addEventListener('load', () => {
      const w = window as unknown as { got: { type: string; id: string }[]; readyBeforeCommands: boolean }
      w.readyBeforeCommands = w.got.some((m) => m.type === 'ready' && m.id === 'early')
      for (const step of [4, 2]) f.contentWindow!.postMessage({ protocol: 'lambda-models', type: 'seek', step }, '*')
      f.contentWindow!.postMessage({ protocol: 'lambda-models', type: 'step', direction: 'forward' }, '*')
    })
    document.body.append(f)
  })
  await expect(frameStage(page, 'early')).toHaveAttribute('data-step', '3')
  expect(await page.evaluate(() => (window as unknown as { readyBeforeCommands: boolean }).readyBeforeCommands)).toBe(
    false,
  )
})

test('the helper holds commands until the frame is ready', async ({ page }) => {
  await page.goto('/examples/iframe-host.html')
  await page.evaluate(() => {
    const f = document.createElement('iframe')
    f.id = 'held'
    f.src = '../embed.html?scenario=async-retries&id=held'
    document.body.append(f)
    const host = (window as unknown as { lambdaModelsHost: { send: (f: HTMLIFrameElement, c: object) => void } })
      .lambdaModelsHost
    host.send(f, { type: 'seek', step: 5 })
  })
  await expect(frameStage(page, 'held')).toHaveAttribute('data-step', '5')
})

test('a seek past the end lands on the last step and answers with an error; a malformed seek is named', async ({
  page,
}) => {
  await page.goto('/examples/iframe-host.html')
  await expect(frameStage(page, 'retries')).toHaveAttribute('data-model', 'async')
  const post = (m: object) =>
    page.evaluate(
      (msg) => (document.getElementById('retries') as HTMLIFrameElement).contentWindow!.postMessage(msg, '*'),
      m,
    )
  await post({ protocol: 'lambda-models', type: 'seek', step: 99_999_999 })
  await expect
    .poll(async () => (await messages(page)).find((m) => m.type === 'error')?.message)
    .toMatch(/^Step 99999999 is past the end of this run, which has \d+ steps; showing the last step\.$/)
  const last = Number(
    /which has (\d+) steps/.exec((await messages(page)).find((m) => m.type === 'error')!.message!)![1],
  )
  await expect(frameStage(page, 'retries')).toHaveAttribute('data-step', String(last))
  await post({ protocol: 'lambda-models', type: 'seek', step: -3 })
  await expect
    .poll(async () => (await messages(page)).filter((m) => m.type === 'error').map((m) => m.message)[1])
    .toMatch(/seek needs .* whole number from 0/)
  // A message that is not for us gets no answer.
  await post({ protocol: 'someone-else', type: 'seek', step: -3 })
  await post({ protocol: 'lambda-models', type: 'seek', step: 1 })
  await expect(frameStage(page, 'retries')).toHaveAttribute('data-step', '1')
  expect((await messages(page)).filter((m) => m.type === 'error')).toHaveLength(2)
})

/** The compact layout's documented height for a frame `w` px wide (README, "Height"). */
const compactHeight = (w: number) => Math.min(640, Math.max(560, (w * 6) / 7))

test('controls=minimal in a frame is the compact docs layout: the height the README gives for its width', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/examples/iframe-host.html')
  await page.evaluate(() => {
    document.body.replaceChildren()
    for (const [id, w, controls] of [
      ['w390', 390, 'minimal'],
      ['w700', 700, 'minimal'],
      ['w1000', 1000, 'minimal'],
      ['full', 700, 'full'],
    ] as const) {
      const f = document.createElement('iframe')
      f.id = id
      f.style.cssText = `display:block;border:0;width:${w}px;height:300px`
      f.src = `../embed.html#scenario=sqs-partial-batch&controls=${controls}&id=${id}`
      document.body.append(f)
    }
  })
  const reported = async (id: string) =>
    (await messages(page)).filter((m) => m.type === 'height' && m.id === id).at(-1)?.height ?? -1
  for (const [id, w] of [
    ['w390', 390],
    ['w700', 700],
    ['w1000', 1000],
  ] as const) {
    await expect.poll(() => reported(id)).toBe(Math.ceil(compactHeight(w)))
    // The whole box, controls included, is inside that height: nothing below it to scroll to.
    const play = page.frameLocator(`#${id}`).getByRole('button', { name: /play/i }).first()
    await expect(play).toBeVisible()
  }
  // `full` keeps its natural height, taller than the compact box at the same width.
  await expect.poll(() => reported('full')).toBeGreaterThan(compactHeight(700) + 100)
})
