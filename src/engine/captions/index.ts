import type { Caption, Fact } from '../facts'
import type { AsyncFact } from '../models/asyncFacts'
import type { SqsFact } from '../models/sqsFacts'
import type { StreamFact } from '../models/streamFacts'
import type { SyncFact } from '../models/syncFacts'
import type { Scenario } from '../scenario/types'
import type { SharedFact } from '../sharedFacts'
import { asyncCaption } from './async'
import { sharedCaption } from './shared'
import { sqsCaption } from './sqs'
import { streamCaption } from './stream'
import { syncCaption } from './sync'

/**
 * Any fact in words, by the captions module its kind belongs to (a model's kinds carry its prefix,
 * shared kinds none). sim.ts hands this to every logging step (Work.narrate): the only way into
 * the captions, so no model imports one.
 */
export function narrate(f: Fact, sc: Scenario): Caption {
  const k = f.kind
  if (k.startsWith('sync')) return syncCaption(f as SyncFact, sc)
  if (k.startsWith('async')) return asyncCaption(f as AsyncFact, sc)
  if (k.startsWith('sqs')) return sqsCaption(f as SqsFact, sc)
  if (k.startsWith('stream')) return streamCaption(f as StreamFact, sc)
  return sharedCaption(f as SharedFact, sc)
}
