import { narrate } from '../captions'
import type { Caption, Fact } from '../facts'
import type { Scenario } from '../scenario/types'
import type { Transition } from '../types'

/**
 * Test helper: any fact in words, by the captions module its kind belongs to (model kinds carry the
 * model's prefix).
 */
export function captionOf(f: Fact, sc: Scenario): Caption {
  return narrate(f, sc)
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
