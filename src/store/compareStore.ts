import { nextStepAt } from '../engine'
import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { ComparedModel, CompareWorkload } from '../scenarios/compareWorkloads'
import { COMPARED_MODELS, compareScenario } from '../scenarios/compareWorkloads'
import { createSimStore } from './createSimStore'
import { nextShownEnd } from './folds'
import type { Run } from './timeline'
import type { SimStore } from './createSimStore'
import { clampBeatMs, clampSpeed, DEFAULT_BEAT_MS, idleRate } from './speed'
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
  /** Time pace: virtual ms per wall ms (used when `beatMs` is null). */
  readonly speed: number
  /**
   * Beat pace (the default, as in the visualizer): Play shows one compare beat every `beatMs` wall
   * ms; null plays by time at `speed`. A compare beat ends at the next time any lane ends a shown
   * beat (beats.ts, folds.ts), so each lane's beats are all shown and none is split.
   */
  readonly beatMs: number | null
  /** Wall ms the current beat has been shown while playing at a beat pace. */
  readonly held: number
  play(): void
  pause(): void
  togglePlay(): void
  /** To the next time ANY lane ends a shown beat, applying everything up to it in each. */
  stepForward(): void
  /** To the latest time before the clock at which any lane ended a shown beat (0 at the start). */
  stepBack(): void
  reset(): void
  seek(t: number): void
  setSpeed(speed: number): void
  /** A beat pace (ms per beat), or null to play by time at `speed`. */
  setBeatPace(ms: number | null): void
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

/**
 * The next time any lane ends a shown beat after its cursor (each lane's beats computed ahead as
 * needed, kept in its store), or null when every lane has finished.
 */
function nextBeatAcross(lanes: readonly CompareLane[]): number | null {
  let next: number | null = null
  for (const l of lanes) {
    const { run, end } = T.nextBeat(l.store.getState().run)
    if (run !== l.store.getState().run) l.store.setState({ run })
    if (end === null) continue
    const t = T.timeOfStep(run, end) ?? T.goToStep(run, end).cursor.now
    if (next === null || t < next) next = t
  }
  return next
}

const atShownEnd = (run: Run): boolean =>
  nextShownEnd(run.frontier.beats, run.frontier.folds, run.cursor.step - 1) === run.cursor.step

/** The latest time before `now` at which any lane ended a shown beat (0 when none did). */
function prevBeatAcross(lanes: readonly CompareLane[], now: number): number {
  let prev = 0
  for (const l of lanes) {
    let run = l.store.getState().run
    // A lane may sit inside a beat (moved there by time) or on a beat ending at `now`: walk back past both.
    while (run.cursor.step > 0 && (run.cursor.now >= now || !atShownEnd(run))) run = T.beatBack(run)
    prev = Math.max(prev, run.cursor.now)
  }
  return prev
}

/** One store per compare page (no module state). */
export function createCompareStore(
  workload: CompareWorkload,
  options: { time?: number; speed?: number; beatMs?: number | null } = {},
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
  /** The lanes' clocks sweep towards the next beat while it is held (rings fill), applying nothing. */
  const sweepLanes = (t: number): void => {
    for (const l of lanes) if (l.store.getState().clock !== t) l.store.setState({ clock: t })
  }
  return createStore<CompareState>()((set, get) => ({
    workload,
    lanes,
    clock: start,
    playing: false,
    speed: clampSpeed(options.speed ?? 1),
    beatMs: clampBeatMs(options.beatMs === undefined ? DEFAULT_BEAT_MS : options.beatMs),
    held: 0,
    play() {
      if (nextAcross(lanes) === null) set({ clock: moveAll(0) })
      // At a beat pace the first beat shows at once: pressing Play means "go".
      set({ playing: true, held: get().beatMs ?? 0 })
    },
    pause() {
      // A held beat's sweep was for show: the lanes' clocks return to what they have applied.
      if (get().beatMs !== null) sweepLanes(get().clock)
      set({ playing: false, held: 0 })
    },
    togglePlay() {
      if (get().playing) get().pause()
      else get().play()
    },
    stepForward() {
      get().pause()
      const next = nextBeatAcross(lanes)
      if (next !== null) set({ clock: moveAll(next) })
    },
    stepBack() {
      get().pause()
      const now = get().clock
      if (now > 0) set({ clock: moveAll(prevBeatAcross(lanes, now)) })
    },
    reset: () => set({ playing: false, held: 0, clock: moveAll(0) }),
    seek: (t) => set({ clock: moveAll(t) }),
    setSpeed: (speed) => set({ speed: clampSpeed(speed) }),
    setBeatPace: (ms) => {
      sweepLanes(get().clock)
      set({ beatMs: clampBeatMs(ms), held: 0 })
    },
    tick(dtMs) {
      const { playing, clock, speed, beatMs } = get()
      if (!playing || !(dtMs > 0)) return
      if (beatMs !== null) {
        const next = nextBeatAcross(lanes)
        if (next === null) return set({ playing: false, held: 0 })
        const held = get().held + Math.min(dtMs, 250)
        if (held < beatMs) {
          sweepLanes(clock + (next - clock) * (held / beatMs))
          return set({ held })
        }
        return set({ clock: moveAll(next), held: 0 })
      }
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
