import type { Invocation, InvocationCtx } from './types'

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
