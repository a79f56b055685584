import { advance, dispatch, nextStepAt } from '../engine'
import type { Command, SimState, Transition } from '../engine'

/**
 * Time travel over a deterministic run (STYLE.md 3.3). The source of truth is the initial state
 * plus the command log; checkpoints (a state every `every` steps) are a cache. Any step is reached
 * from the nearest checkpoint at or before it, so stepping back or scrubbing costs at most one
 * checkpoint interval of replay. States are pure values (the engine copies on write, sharing
 * the event records a step leaves alone).
 *
 * Convention: a stored state "at step n" has every command logged at step n already applied.
 */

/** A user command, made when the run was at `step` with the clock at `at` (ms). */
export interface LoggedCommand {
  readonly step: number
  readonly at: number
  readonly command: Command
}

/** A transition with the step that produced it (the engine tags it; commands: the step they were made at). */
export type LoggedTransition = Transition

export interface History {
  readonly commands: readonly LoggedCommand[]
  /** Sorted by step; the first is step 0 (always there). */
  readonly checkpoints: readonly SimState[]
  readonly every: number
}

export interface ForwardTarget {
  readonly step?: number
  /** Apply every occurrence with time <= time (the clock), never one after. */
  readonly time?: number
}

export interface ForwardResult {
  readonly state: SimState
  readonly transitions: readonly LoggedTransition[]
  /** States passed at multiples of `every` (new checkpoint candidates). */
  readonly passed: readonly SimState[]
}

/** Applies the commands logged at the state's step (a state just reached by occurrences). */
export function applyCommands(
  commands: readonly LoggedCommand[],
  s: SimState,
  collect: boolean,
): { state: SimState; transitions: LoggedTransition[] } {
  let state = s
  const transitions: LoggedTransition[] = []
  for (const c of commands) {
    if (c.step !== s.step) continue
    // The clock may have moved past the last occurrence before the command was made.
    if (c.at > state.now) state = advance(state, { steps: 0, until: c.at, collect: false }).state
    const r = dispatch(state, c.command)
    state = r.state
    if (collect) for (const t of r.transitions) transitions.push(t)
  }
  return { state, transitions }
}

function nextCommandStep(commands: readonly LoggedCommand[], step: number): number {
  let best = Number.POSITIVE_INFINITY
  for (const c of commands) if (c.step > step && c.step < best) best = c.step
  return best
}

/**
 * Runs forward from `from` to the target step, or through every occurrence up to the target time,
 * applying logged commands at their steps, in chunks of up to `every` steps (`single`: one step).
 * Transitions carry the exact step that produced them (the engine tags them), whatever the chunk.
 */
export function forward(
  h: History,
  from: SimState,
  target: ForwardTarget,
  opts: { collect: boolean; single?: boolean; maxSteps?: number },
): ForwardResult {
  let s = from
  const transitions: LoggedTransition[] = []
  const passed: SimState[] = []
  const goal = Math.min(
    target.step ?? Number.POSITIVE_INFINITY,
    from.step + (opts.maxSteps ?? Number.POSITIVE_INFINITY),
  )
  for (;;) {
    if (s.step >= goal) break
    const next = nextStepAt(s)
    if (next === null || (target.time !== undefined && next > target.time)) break
    const boundary = Math.min(goal, nextCommandStep(h.commands, s.step), (Math.floor(s.step / h.every) + 1) * h.every)
    const chunk = opts.single ? 1 : boundary - s.step
    let r = advance(s, { steps: chunk, collect: opts.collect })
    if (target.time !== undefined && r.state.now > target.time) {
      // The chunk ran past the clock. `advance({until})` would also move `now` to the clock, so
      // only count how many steps fit and replay exactly those: states stay canonical.
      const fit = advance(s, { until: target.time, collect: false }).state.step - s.step
      r = advance(s, { steps: fit, collect: opts.collect })
    }
    if (r.state.step === s.step) break
    const cmds = applyCommands(h.commands, r.state, opts.collect)
    if (opts.collect) for (const t of [r.transitions, cmds.transitions]) for (const x of t) transitions.push(x)
    s = cmds.state
    if (s.step % h.every === 0) passed.push(s)
  }
  return { state: s, transitions, passed }
}

/** The step-0 checkpoint, which every history has. */
function initial(h: History): SimState {
  const first = h.checkpoints[0]
  if (!first) throw new Error('A history without its step-0 checkpoint')
  return first
}

/** The last checkpoint at or before `step`. */
export function checkpointAtOrBefore(h: History, step: number): SimState {
  let lo = 0
  let hi = h.checkpoints.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((h.checkpoints[mid]?.step ?? Infinity) <= step) lo = mid
    else hi = mid - 1
  }
  return h.checkpoints[lo] ?? initial(h)
}

/** The last checkpoint with time <= t. */
export function checkpointAtOrBeforeTime(h: History, t: number): SimState {
  let best = initial(h)
  for (const c of h.checkpoints) if (c.now <= t) best = c
  return best
}

/** The state at step n (or the last reachable step before it when the run ends first). */
export function stateAtStep(h: History, n: number, near?: SimState): SimState {
  const cp = checkpointAtOrBefore(h, n)
  const start = near && near.step <= n && near.step >= cp.step ? near : cp
  return forward(h, start, { step: n }, { collect: false }).state
}

/** The state after every occurrence with time <= t. */
export function stateAtTime(h: History, t: number, near?: SimState): SimState {
  const cp = checkpointAtOrBeforeTime(h, t)
  const start = near && near.now <= t && near.step >= cp.step ? near : cp
  return forward(h, start, { time: t }, { collect: false }).state
}

/** Adds checkpoints after the last one (kept sorted; duplicates by step ignored). */
export function withCheckpoints(h: History, states: readonly SimState[]): History {
  let last = (h.checkpoints[h.checkpoints.length - 1] ?? initial(h)).step
  const add = states.filter((s) => {
    if (s.step <= last) return false
    last = s.step
    return true
  })
  return add.length === 0 ? h : { ...h, checkpoints: [...h.checkpoints, ...add] }
}

/**
 * Rough bytes a checkpoint adds to the cache. States share their event records (the engine copies
 * a record only when a step changes it), so a checkpoint costs its arrays (one slot per event in
 * `events` and in each per-event model array), its environments and pending work, and the records
 * changed since the previous checkpoint (at most a few per step).
 */
export function estimateBytes(s: SimState): number {
  return (
    4000 + s.events.length * 72 + s.queue.length * 80 + s.envs.length * 200 + Object.keys(s.invocations).length * 300
  )
}

/**
 * Widens the checkpoint interval for big states: one engine call copies the state's arrays (about
 * 30 ns per event), so chunks of at least `events / 64` steps keep that copy below the cost of the
 * steps themselves. Keeps the checkpoints at multiples of the new interval (they are a cache).
 */
export function fitInterval(h: History, s: SimState): History {
  let every = h.every
  while (every < s.events.length / 64) every *= 2
  if (every === h.every) return h
  return { ...h, every, checkpoints: h.checkpoints.filter((c, i) => i === 0 || c.step % every === 0) }
}

/** Keeps every other checkpoint (and doubles the interval) while the cache is over budget. */
export function thin(h: History, budgetBytes: number): History {
  let out = h
  for (;;) {
    const total = out.checkpoints.reduce((sum, s) => sum + estimateBytes(s), 0)
    if (total <= budgetBytes || out.checkpoints.length <= 2) return out
    const every = out.every * 2
    out = { ...out, every, checkpoints: out.checkpoints.filter((s, i) => i === 0 || s.step % every === 0) }
  }
}

/**
 * A command at the cursor. The future is dropped (later checkpoints and commands): the new state
 * becomes the last checkpoint and the run is recomputed from it.
 */
export function fork(
  h: History,
  cursor: SimState,
  command: LoggedCommand,
): { history: History; state: SimState; transitions: LoggedTransition[] } {
  const commands = [...h.commands.filter((c) => c.step <= cursor.step), command]
  const r = applyCommands([command], cursor, true)
  const checkpoints = [...h.checkpoints.filter((s) => s.step < cursor.step), r.state]
  return { history: { ...h, commands, checkpoints }, state: r.state, transitions: r.transitions }
}
