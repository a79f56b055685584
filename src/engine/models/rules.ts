import type { ModelStage } from '../stageTypes'
import type { EventNo } from '../ids'
import type { Invocation, OccurrenceKind, PayloadOf, SimState, Work } from '../types'

/**
 * What an invocation model adds to the shared engine. Each handler mutates the owned working
 * state `w.s` (copy-on-write, see clone.ts: write event records only through `edit(w, n)`).
 */
export interface ModelRules {
  /** Sets up the model's own state when a run starts. */
  readonly init: (w: Work) => void
  /** An event (request, message, record) entered the system at `w.s.now`. */
  readonly arrived: (w: Work, ev: EventNo) => void
  /** An invocation the model started has ended (generic bookkeeping already done). */
  readonly invocationEnded: (w: Work, inv: Invocation) => void
  /** Handlers of the model's own occurrence kinds: (work, ...the kind's named payload). */
  readonly occur: { readonly [K in OccurrenceKind]?: (w: Work, ...payload: PayloadOf<K>) => void }
  /** The model's nodes on the stage and where its tokens are (pure, read-only). */
  readonly stage?: (s: SimState) => ModelStage
}
