import { nextStepAt } from '../engine'
import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { ComparedModel, CompareWorkload } from '../scenarios/compareWorkloads'
import { COMPARED_MODELS, compareScenario } from '../scenarios/compareWorkloads'
import { createSimStore } from './createSimStore'
import type { SimStore } from './createSimStore'
import { clampSpeed, idleRate } from './speed'
import * as T from './timeline'

export interface CompareLane {
  readonly model: ComparedModel
  readonly store: StoreApi<SimStore>
}

/**
 * Compare mode: one workload through three models on ONE clock. The lanes are ordinary visualizer
 * stores that never play by themselves; every move goes through `moveAll(t)`, which applies each
 * lane's occurrences up to t (the engine's advance with `until`) and sets every lane's clock to t.
 */
export interface CompareState {
  readonly workload: CompareWorkload
  readonly lanes: readonly CompareLane[]
  /** The shared virtual clock (ms); every lane's clock equals it. */
  readonly clock: number
  readonly playing: boolean
  readonly speed: number
  play(): void
  pause(): void
  togglePlay(): void
  /** To the next occurrence time of ANY lane, applying everything up to it in each. */
  stepForward(): void
  /** To the latest occurrence time of any lane before the clock. */
  stepBack(): void
  reset(): void
  seek(t: number): void
  setSpeed(speed: number): void
  tick(dtMs: number): void
}

function nextAcross(lanes: readonly CompareLane[]): number | null {
  let next: number | null = null
  for (const l of lanes) {
    const t = nextStepAt(l.store.getState().run.cursor)
    if (t !== null && (next === null || t < next)) next = t
  }
  return next
}

/** One store per compare page (no module state). */
export function createCompareStore(
  workload: CompareWorkload,
  options: { time?: number; speed?: number } = {},
): StoreApi<CompareState> {
  const lanes = COMPARED_MODELS.map((model) => ({
    model,
    store: createSimStore(compareScenario(workload, model), { presetId: null }),
  }))
  const moveAll = (t: number): number => {
    const time = Math.max(0, Math.floor(t))
    for (const l of lanes) l.store.getState().seek(time)
    return time
  }
  const start = options.time ? moveAll(options.time) : 0
  return createStore<CompareState>()((set, get) => ({
    workload,
    lanes,
    clock: start,
    playing: false,
    speed: clampSpeed(options.speed ?? 1),
    play() {
      if (nextAcross(lanes) === null) set({ clock: moveAll(0) })
      set({ playing: true })
    },
    pause: () => set({ playing: false }),
    togglePlay() {
      if (get().playing) get().pause()
      else get().play()
    },
    stepForward() {
      const next = nextAcross(lanes)
      set({ playing: false, ...(next === null ? {} : { clock: moveAll(next) }) })
    },
    stepBack() {
      const now = get().clock
      if (now <= 0) return set({ playing: false })
      let prev = 0
      for (const l of lanes) prev = Math.max(prev, T.goToTime(l.store.getState().run, Math.ceil(now) - 1).cursor.now)
      set({ playing: false, clock: moveAll(prev) })
    },
    reset: () => set({ playing: false, clock: moveAll(0) }),
    seek: (t) => set({ clock: moveAll(t) }),
    setSpeed: (speed) => set({ speed: clampSpeed(speed) }),
    tick(dtMs) {
      const { playing, clock, speed } = get()
      if (!playing || !(dtMs > 0)) return
      const next = nextAcross(lanes)
      if (next === null) return set({ playing: false })
      const idle = lanes.every((l) => l.store.getState().run.cursor.concurrency.busy === 0)
      const rate = idle ? idleRate(speed, next - clock) : speed
      const target = clock + Math.min(dtMs, 250) * rate
      // The lanes hold whole milliseconds; the shared clock keeps the fraction for smooth motion.
      if (Math.floor(target) !== Math.floor(clock)) moveAll(target)
      set({ clock: target })
    },
  }))
}
