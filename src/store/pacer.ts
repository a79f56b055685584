import type { StoreApi } from 'zustand/vanilla'
import { browserClock, type WallClock } from './clock'
import { DEFER_MIN_EVENTS, type SimStore } from './createSimStore'
import type { Run } from './timeline'

/**
 * Pacing starts when a heavy update (the engine's tick and the stage's draw) costs more than this
 * (ms) and stops once it costs less than PACE_OFF_MS: a frame has about 16 ms, and the browser
 * still has to lay out and paint what changed.
 */
export const PACE_ON_MS = 10
export const PACE_OFF_MS = 6

/** The store as the panels read it (what zustand's useStore needs). */
export type ShownStore = Pick<StoreApi<SimStore>, 'getState' | 'getInitialState' | 'subscribe'>

/**
 * How one visualizer's updates reach the screen. Normally at once: the stage is drawn and the
 * panels see the new state in the frame the engine made it. While a big run plays fast and an
 * update costs more than a frame's share, each update is drawn over the next frames instead, one
 * part a frame: the engine's move (frame 1), the stage (frame 2), the panels (frame 3), and the
 * engine waits for the panels (`busy`). So no frame does all three and the page keeps its frame
 * rate. The stage always draws a state the engine produced, and the panels draw the same state
 * one frame after it; on a pause or any other change of pace both show the latest at once.
 */
export interface Pacer {
  /** The live state with, while an update is being drawn, the run the panels have not had yet. */
  readonly shown: ShownStore
  /** The run the stage draws now. */
  stageRun(): Run
  /** Hears every change of stageRun. */
  onStage(listener: () => void): () => void
  /** An update is being drawn over the next frames: the playback holds the engine. */
  busy(): boolean
  /** The playback's measure of its last tick that moved the playhead (ms). */
  reportTick(ms: number): void
  /** Whether updates are drawn over frames now (for tests and the bench). */
  pacing(): boolean
}

export interface PacerOptions {
  readonly clock?: WallClock
  /** Without animation frames (Node, a server render) nothing is ever paced. */
  readonly canPace?: boolean
}

export function createPacer(store: StoreApi<SimStore>, options: PacerOptions = {}): Pacer {
  const clock = options.clock ?? browserClock
  const canPace = options.canPace ?? typeof requestAnimationFrame !== 'undefined'
  let live = store.getState()
  let stageRun = live.run
  let shownRun = live.run
  let shownState = live
  /** 0: idle; 1: the stage is drawn next frame; 2: the panels are. */
  let phase: 0 | 1 | 2 = 0
  let stopFrame: (() => void) | null = null
  let tickMs = 0
  let stageMs = 0
  let on = false
  const stageListeners = new Set<() => void>()
  const shownListeners = new Set<(state: SimStore, prev: SimStore) => void>()
  let unsubscribe: (() => void) | null = null

  const paced = (s: SimStore): boolean =>
    on && canPace && s.playing && s.beatMs === null && s.run.cursor.events.length >= DEFER_MIN_EVENTS
  const decide = (): void => {
    // Paced, the tick is the engine alone and the stage is drawn apart; unpaced, the tick drew it.
    const cost = on ? tickMs + stageMs : tickMs
    if (!on && cost > PACE_ON_MS) on = true
    else if (on && cost < PACE_OFF_MS) on = false
  }
  const publish = (): void => {
    const prev = shownState
    const next = live.run === shownRun ? live : { ...live, run: shownRun }
    if (next === prev) return
    shownState = next
    for (const l of Array.from(shownListeners)) l(next, prev)
  }
  const drawStage = (run: Run): void => {
    if (run === stageRun) return
    stageRun = run
    const t0 = clock.now()
    for (const l of Array.from(stageListeners)) l()
    if (phase !== 0) stageMs = clock.now() - t0
  }
  const nextFrame = (fn: () => void): void => {
    const stop = clock.frames(() => {
      stop()
      stopFrame = null
      fn()
    })
    stopFrame = stop
  }
  const flush = (): void => {
    stopFrame?.()
    stopFrame = null
    phase = 0
    drawStage(live.run)
    shownRun = live.run
    publish()
  }
  const stagePhase = (): void => {
    phase = 2
    drawStage(live.run)
    nextFrame(panelPhase)
  }
  const panelPhase = (): void => {
    phase = 0
    shownRun = stageRun
    publish()
    decide()
    // A driver that does not wait (the compare page ticks every lane each frame) moved on meanwhile.
    if (live.run === stageRun) return
    if (paced(live)) {
      phase = 1
      nextFrame(stagePhase)
    } else flush()
  }
  const onStore = (s: SimStore, prev: SimStore): void => {
    live = s
    if (s.run !== prev.run && paced(s)) {
      if (phase === 0) {
        phase = 1
        nextFrame(stagePhase)
      }
      publish()
    } else if (s.run !== prev.run || (phase !== 0 && !paced(s))) flush()
    else publish()
  }
  const attach = (): void => {
    if (unsubscribe) return
    live = store.getState()
    stageRun = shownRun = live.run
    shownState = live
    unsubscribe = store.subscribe(onStore)
  }
  const detach = (): void => {
    if (!unsubscribe || stageListeners.size > 0 || shownListeners.size > 0) return
    unsubscribe()
    unsubscribe = null
    stopFrame?.()
    stopFrame = null
    phase = 0
  }
  const listen = <L>(set: Set<L>, l: L): (() => void) => {
    attach()
    set.add(l)
    return () => {
      set.delete(l)
      detach()
    }
  }
  return {
    shown: {
      getState: () => (unsubscribe ? shownState : store.getState()),
      getInitialState: () => store.getInitialState(),
      subscribe: (l) => listen(shownListeners, l),
    },
    stageRun: () => (unsubscribe ? stageRun : store.getState().run),
    onStage: (l) => listen(stageListeners, l),
    busy: () => phase !== 0,
    reportTick(ms) {
      tickMs = ms
      if (phase === 0) decide()
    },
    pacing: () => on,
  }
}
