import type { AsyncFact } from './models/asyncFacts'
import type { SqsFact } from './models/sqsFacts'
import type { StreamFact } from './models/streamFacts'
import type { SyncFact } from './models/syncFacts'
import type { SharedFact } from './sharedFacts'
import type { DocRef, TransitionType } from './types'

/**
 * What happened, as data (see CONTEXT.md "Facts and captions"). A model's rules build facts; its
 * captions module (captions/<model>.ts) turns each into a transition type, a doc link and a sentence.
 * The code every model shares (invoke.ts, environments.ts, sim.ts commands) builds `SharedFact`s,
 * told by captions/shared.ts. Kinds are unique across models, so `Fact` is one discriminated union.
 */
export type Fact = SharedFact | SyncFact | AsyncFact | SqsFact | StreamFact

/** What a captions module makes of a fact. */
export interface Caption {
  readonly type: TransitionType
  readonly ref: DocRef
  readonly text: string
}
