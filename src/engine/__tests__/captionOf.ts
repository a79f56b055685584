import { asyncCaption } from '../captions/async'
import { sharedCaption } from '../captions/shared'
import { sqsCaption } from '../captions/sqs'
import { streamCaption } from '../captions/stream'
import { syncCaption } from '../captions/sync'
import type { Caption, Fact } from '../facts'
import type { AsyncFact } from '../models/asyncFacts'
import type { SqsFact } from '../models/sqsFacts'
import type { StreamFact } from '../models/streamFacts'
import type { SyncFact } from '../models/syncFacts'
import type { Scenario } from '../scenario/types'
import type { SharedFact } from '../sharedFacts'
import type { Transition } from '../types'

/**
 * Test helper: any fact in words, by the captions module its kind belongs to (model kinds carry the
 * model's prefix).
 */
export function captionOf(f: Fact, sc: Scenario): Caption {
  const k = f.kind
  if (k.startsWith('sync')) return syncCaption(f as SyncFact, sc)
  if (k.startsWith('async')) return asyncCaption(f as AsyncFact, sc)
  if (k.startsWith('sqs')) return sqsCaption(f as SqsFact, sc)
  if (k.startsWith('stream')) return streamCaption(f as StreamFact, sc)
  return sharedCaption(f as SharedFact, sc)
}

/**
 * What a transition must be if its fact is the whole truth: the caption of its fact under the
 * run's scenario (core.ts `emit` capitalizes a sentence that opens with "the", "a" or "an").
 */
export function expectedOf(t: Transition, sc: Scenario): Pick<Transition, 'type' | 'ref' | 'text'> {
  const c = captionOf(t.fact, sc)
  const text = /^(the|a|an) /.test(c.text) ? c.text.charAt(0).toUpperCase() + c.text.slice(1) : c.text
  return { type: c.type, ref: c.ref, text }
}
