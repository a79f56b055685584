import type { EnvNo, EventNo } from './ids'
import type { Env, EventRecord, Invocation, InvocationCtx, SimState } from './types'

/**
 * Internal invariants, checked once where a value is read instead of asserted with `!` everywhere:
 * a broken one is the engine's own bookkeeping gone wrong (never a scenario's fault), so it throws
 * a clear error rather than running on with `undefined`. Messages are constant strings: these run
 * in the per-occurrence loop, where building a message per call would allocate.
 */
export function internalError(what: string): never {
  throw new Error(`Internal engine error: ${what}`)
}

/** The value, which the engine's bookkeeping guarantees is there. */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) internalError(what)
  return value
}

/** An invocation's context as the model that started it made it (a model only ends its own invocations). */
export function ctxOf<M extends InvocationCtx['model']>(
  inv: Invocation,
  model: M,
): Extract<InvocationCtx, { readonly model: M }> {
  const ctx = inv.ctx
  if (ctx.model !== model) internalError(`invocation ${inv.id} is not a ${model} invocation`)
  return ctx as Extract<InvocationCtx, { readonly model: M }>
}

/** Element `i` of an array the engine keeps dense (per-event arrays, a lane's queue, a heap below its length). */
export function nth<T>(items: readonly T[], i: number): T {
  const value = items[i]
  if (value === undefined) internalError('read past the end of an array the engine keeps dense')
  return value
}

/** The entry under `key` of a record the engine keeps (batches in flight, invocations running). */
export function entry<T>(record: Readonly<Record<string, T>>, key: string | number): T {
  const value = record[key]
  if (value === undefined) internalError('no entry under this key')
  return value
}

/** The record of event `n` (read-only: write through clone.ts `edit`). */
export function eventAt(s: SimState, n: EventNo): EventRecord {
  const ev = s.events[n]
  if (ev === undefined) internalError('no event with this number')
  return ev
}

/** Execution environment `n`. */
export function envAt(s: SimState, n: EnvNo): Env {
  const env = s.envs[n]
  if (env === undefined) internalError('no environment with this number')
  return env
}
