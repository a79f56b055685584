// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseScenario } from '../engine'
import { createSimStore } from '../store/createSimStore'
import { SimProvider } from '../store/SimProvider'
import { STAGE_BUDGET_MS, usePacedStage } from './usePacedStage'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

function store() {
  const r = parseScenario({
    version: 1,
    model: 'sync',
    function: { durationMs: 100 },
    workload: [{ count: 40, everyMs: 10 }],
  })
  if (!r.ok) throw new Error('bad scenario')
  return createSimStore(r.scenario)
}

function mount(s: ReturnType<typeof store>, renders: number[], slowMs = 0) {
  function Probe() {
    const { step } = usePacedStage()
    renders.push(step)
    // A slow stage: the clock moves on while it draws (the hook measures render + commit).
    if (slowMs > 0) now.value += slowMs
    return <div data-testid="probe" data-step={step} />
  }
  const now = { value: 1000 }
  vi.spyOn(performance, 'now').mockImplementation(() => now.value)
  const view = render(
    <SimProvider store={s}>
      <Probe />
    </SimProvider>,
  )
  return { view, now }
}

describe('usePacedStage', () => {
  it('follows every step at once while drawing is cheap', () => {
    const s = store()
    const renders: number[] = []
    const { view } = mount(s, renders)
    for (let i = 1; i <= 5; i++) {
      act(() => s.getState().fineForward())
      expect(view.getByTestId('probe').getAttribute('data-step')).toBe(String(i))
    }
  })

  it(`paces redraws that cost more than ${STAGE_BUDGET_MS} ms, and always ends on the latest state`, () => {
    vi.useFakeTimers()
    const s = store()
    const renders: number[] = []
    const { view, now } = mount(s, renders, 30)
    act(() => s.getState().fineForward()) // drawn at once, measured slow
    const before = renders.length
    for (let i = 0; i < 10; i++) act(() => s.getState().fineForward()) // a burst inside the wait
    expect(renders.length - before).toBe(0)
    now.value += 100
    act(() => vi.advanceTimersByTime(100))
    expect(view.getByTestId('probe').getAttribute('data-step')).toBe(String(s.getState().run.cursor.step))
    expect(s.getState().run.cursor.step).toBe(11)
    expect(renders.length - before).toBeLessThanOrEqual(2)
  })
})
