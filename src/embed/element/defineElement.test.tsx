// @vitest-environment jsdom
import fc from 'fast-check'
import { act } from 'react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { defineLambdaModels } from './defineElement'

// React's act() outside a test renderer needs this flag.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

beforeAll(() => defineLambdaModels())
afterEach(() => {
  document.body.innerHTML = ''
})

async function place(attrs: Record<string, string>): Promise<HTMLElement> {
  const el = document.createElement('lambda-models')
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v)
  await act(async () => {
    document.body.append(el)
  })
  return el
}

const stage = (el: HTMLElement) => el.shadowRoot?.querySelector<HTMLElement>('[data-testid="stage"]') ?? null

describe('<lambda-models>', () => {
  it('renders inside its own shadow root and adds nothing to the page head', async () => {
    const headBefore = document.head.innerHTML
    const el = await place({ scenario: 'async-retries', step: '2', controls: 'minimal', theme: 'dark' })
    expect(stage(el)?.dataset.model).toBe('async')
    expect(stage(el)?.dataset.step).toBe('2')
    expect(el.shadowRoot?.querySelector('style')).not.toBeNull()
    expect(el.shadowRoot?.querySelector('.lem-root')?.getAttribute('data-theme')).toBe('dark')
    expect(document.head.innerHTML).toBe(headBefore)
    expect(document.querySelectorAll('.lem-root')).toHaveLength(0)
  })

  it('follows attribute changes: step seeks, theme and controls switch, scenario reloads', async () => {
    const el = await place({ scenario: 'sync-basics', controls: 'minimal' })
    await act(async () => el.setAttribute('step', '3'))
    expect(stage(el)?.dataset.step).toBe('3')
    await act(async () => {
      el.setAttribute('theme', 'light')
      el.setAttribute('controls', 'none')
    })
    expect(el.shadowRoot?.querySelector('.lem-root')?.getAttribute('data-theme')).toBe('light')
    expect(el.shadowRoot?.querySelector('.lem-controls')).toBeNull()
    await act(async () => el.setAttribute('scenario', 'sqs-batch-failure'))
    expect(stage(el)?.dataset.model).toBe('sqs')
    expect(stage(el)?.dataset.step).toBe('3')
  })

  it('keeps several elements independent', async () => {
    const a = await place({ scenario: 'sync-basics' })
    const b = await place({ scenario: 'sync-basics' })
    await act(async () => a.setAttribute('step', '4'))
    expect(stage(a)?.dataset.step).toBe('4')
    expect(stage(b)?.dataset.step).toBe('0')
  })

  it('shows a notice for bad options and still renders the default', async () => {
    const el = await place({ scenario: 'nope', controls: 'lots', height: '12' })
    expect(stage(el)?.dataset.model).toBe('sync')
    const notices = [...(el.shadowRoot?.querySelectorAll('[data-testid="notice"]') ?? [])]
      .map((n) => n.textContent)
      .join(' ')
    expect(notices).toContain('nope')
    expect(notices).toContain('controls')
    expect(notices).toContain('height')
  })

  it('unmounts when removed from the page', async () => {
    const el = await place({})
    expect(stage(el)).not.toBeNull()
    await act(async () => el.remove())
    expect(stage(el)).toBeNull()
  })

  it('never breaks on arbitrary attribute values', async () => {
    const el = await place({})
    const names = fc.constantFrom('scenario', 'step', 'autoplay', 'controls', 'theme', 'height', 'data-x')
    const values = fc.oneof(
      fc.string(),
      fc.constantFrom('', '0', '-1', '999999999', 'none', 'full', 'dark', 'async-retries', '?s=%%%', '1e9', 'NaN'),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(names, values), { maxLength: 6 }), async (changes) => {
        await act(async () => {
          for (const [k, v] of changes) el.setAttribute(k, v)
        })
        expect(stage(el)).not.toBeNull()
      }),
      { numRuns: 40 },
    )
  })
})
