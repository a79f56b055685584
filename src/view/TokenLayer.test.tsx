// @vitest-environment jsdom
// Tokens glide between two drawn states by a CSS transition of `translate` (no script between them),
// enter with a one-time fade, and stay put under reduced motion.
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import type { Root } from 'react-dom/client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { advance, createSim, selectStage } from '../engine'
import type { StageToken } from '../engine'
import { presetById } from '../scenarios'
import { createSimStore } from '../store/createSimStore'
import { SimProvider } from '../store/SimProvider'
import type { TokenLayout } from './layout/types'
import { TokenLayer } from './TokenLayer'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const scenario = presetById('sync-basics')!.scenario
const store = createSimStore(scenario)
const [first, second] = selectStage(advance(createSim(scenario), { steps: 6, collect: false }).state).tokens as [
  StageToken,
  StageToken,
]

let root: Root | null = null
afterEach(() => {
  act(() => root?.unmount())
  root = null
  vi.unstubAllGlobals()
})

function draw(tokens: readonly TokenLayout[], now = 0): void {
  const host =
    document.querySelector('svg') ??
    document.body.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'))
  root ??= createRoot(host)
  act(() =>
    root!.render(
      <SimProvider store={store}>
        <TokenLayer tokens={tokens} now={now} />
      </SimProvider>,
    ),
  )
}

const el = (t: StageToken) => document.querySelector<SVGGElement>(`[data-token-id="${t.id}"]`)!

describe('tokens on the stage', () => {
  it('a new token enters once where the engine put it; a moved one glides there by a transition of translate', () => {
    draw([{ token: first, x: 10, y: 20 }])
    expect(el(first).classList.contains('lem-token--enter')).toBe(true)
    expect(el(first).style.translate).toBe('10px 20px')
    draw([{ token: first, x: 50, y: 20 }], 100)
    expect(el(first).style.translate).toBe('50px 20px')
    expect(el(first).style.transition).toBe('translate 450ms ease-in-out')
    // Same place again: nothing to glide.
    draw([{ token: first, x: 50, y: 20 }], 200)
    expect(el(first).style.transition).toBe('none')
  })

  it('a token that appears while the glide budget is spent is drawn in place and never gets the entrance', () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ token: { ...second, id: `t${i}` }, x: i, y: 0 }))
    draw(many)
    const t0 = document.querySelector<SVGGElement>('[data-token-id="t0"]')!
    expect(t0.classList.contains('lem-token--enter')).toBe(false)
    expect(t0.style.transition).toBe('none')
    draw([{ token: { ...second, id: 't0' }, x: 90, y: 0 }], 100)
    expect(t0.style.translate).toBe('90px 0px')
    expect(t0.style.transition).toBe('translate 450ms ease-in-out')
    expect(t0.classList.contains('lem-token--enter')).toBe(false)
  })

  it('with reduced motion, tokens appear and move in place', () => {
    vi.stubGlobal('matchMedia', (q: string) => ({
      matches: q.includes('prefers-reduced-motion'),
      addEventListener: () => {},
      removeEventListener: () => {},
    }))
    draw([{ token: first, x: 10, y: 20 }])
    expect(el(first).classList.contains('lem-token--enter')).toBe(false)
    draw([{ token: first, x: 70, y: 20 }], 100)
    expect(el(first).style.translate).toBe('70px 20px')
    expect(el(first).style.transition).toBe('none')
  })
})
