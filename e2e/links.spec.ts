// Twenty damaged share links in a row (random, truncated, tampered, a huge step, too big to play):
// the app always renders the stage, shows a notice saying what was wrong, and logs no error.
import { expect, test } from '@playwright/test'
import fc from 'fast-check'

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
const good = b64({ version: 1, model: 'sync', title: 'Edited', workload: [{ atMs: 0, count: 5, everyMs: 100 }] })
const tooBig = b64({
  version: 1,
  model: 'sync',
  workload: [
    { atMs: 0, count: 100000, everyMs: 1 },
    { atMs: 100000, count: 100000, everyMs: 1 },
  ],
})

/** Each is certainly damaged, so each must bring a notice. Deterministic: a fixed fast-check seed. */
function links(): string[] {
  const [random] = fc.sample(
    fc.tuple(
      fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), { minLength: 4, maxLength: 4 }),
      fc.array(fc.nat(good.length - 2), { minLength: 6, maxLength: 6 }),
      fc.array(fc.constantFrom(..."!*.~()'$".split('')), { minLength: 4, maxLength: 4 }),
    ),
    { seed: 20261126, numRuns: 1 },
  )
  const [names, cuts, junk] = random!
  return [
    ...names.map((n) => `?scenario=${encodeURIComponent(`x${n}`)}&step=2`),
    ...cuts.slice(0, 4).map((c) => `?s=${good.slice(0, Math.max(1, Math.min(c, good.length - 4)))}`),
    ...cuts.slice(4).map((c, i) => `?s=${good.slice(0, c + 1)}${junk[i]}${good.slice(c + 1)}`),
    `?s=${good}&step=99999999999999999999`,
    `?s=${good}&step=-5`,
    `?s=${good}&c=${b64([[5, 1, 'eval', 'alert(1)']])}`,
    `?s=${good}&c=%%%`,
    `?s=${tooBig}`,
    `?s=${b64({ version: 2, model: 'sync', workload: [] })}`,
    `?s=${b64({ version: 1, model: 'sync', docUrl: 'javascript:alert(1)', workload: [] })}`,
    `?s=${b64([])}`,
    `?scenario=sync-basics&step=12&c=${b64({})}`,
    `?s=${'A'.repeat(5000)}`,
  ]
}

test('20 damaged share links in a row: the stage renders, a notice says why, no error', async ({ page }) => {
  test.setTimeout(120_000)
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`)
    void d.dismiss()
  })
  const all = links()
  expect(all).toHaveLength(20)
  for (const link of all) {
    await page.goto(`/${link}`)
    await expect(page.getByTestId('stage'), link).toBeVisible()
    await expect(page.getByTestId('notice').first(), link).toBeVisible()
    expect(await page.locator('#root').innerText(), link).not.toBe('')
  }
  // The too-big scenario's notice names the limit.
  await page.goto(`/?s=${tooBig}`)
  await expect(page.getByTestId('notice').first()).toContainText('at most 100,000')
  expect(errors).toEqual([])
})
