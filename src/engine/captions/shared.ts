import { seconds } from '../format'
import { DOCS } from '../docs'
import type { Caption } from '../facts'
import type { Scenario } from '../scenario/types'
import type { SharedFact } from '../sharedFacts'

/** What an invocation runs: one event, or a batch and its size. */
function runs(f: { readonly events: readonly string[]; readonly batch: string | null }): string {
  const n = f.events.length
  return f.batch ? `batch ${f.batch} (${n} record${n === 1 ? '' : 's'})` : (f.events[0] ?? '')
}

/** "2 failed items (bad-1, bad-2)": a few are named, a long list is only counted. */
function failedItems(ids: readonly string[], records: number): string {
  const n = ids.length
  const count = n === records && n > 1 ? `all ${n} items failed` : `${n} failed item${n === 1 ? '' : 's'}`
  return n <= 3 && records > 1 ? `${count} (${ids.join(', ')})` : count
}

/** The facts of the code all four models share, in words (fact sheet §1.3, §2.1, §2.2). */
export function sharedCaption(f: SharedFact, sc: Scenario): Caption {
  switch (f.kind) {
    case 'coldStart': {
      const init = f.initRetried
        ? `Init ran past the 10 s cap, so Lambda retries it inside the invoke, under the ${sc.function.timeout} s timeout`
        : `Init takes ${seconds(f.initMs)} before the handler runs`
      return {
        type: 'coldStart',
        ref: DOCS.lifecycle,
        text: `Cold start: ${runs(f)} gets a new execution environment ${f.env}. ${init}.`,
      }
    }
    case 'warmStart': {
      const kind = f.provisioned ? 'a provisioned (pre-initialized) environment' : 'a warm environment'
      return {
        type: 'invoked',
        ref: f.provisioned ? DOCS.provisioned : DOCS.lifecycle,
        text: `${runs(f)} runs in ${kind}, ${f.env}: no Init, the handler starts at once.`,
      }
    }
    case 'attemptFailed': {
      const ids = f.events
      // The batch's own size, not the failed count: 2 items failed of a batch of 10.
      const what = f.batch ? `${f.batch} (${f.records === 1 ? ids[0] : `${f.records} records`})` : ids.join(', ')
      const how =
        f.end === 'timeout'
          ? `times out after ${sc.function.timeout} s`
          : f.end === 'error'
            ? 'fails: the handler throws'
            : `reports ${failedItems(ids, f.records)}`
      return {
        type: 'attemptFailed',
        ref: DOCS.functionError,
        text: `${what} ${how} in ${f.env}. Next: what Lambda does with the failure.`,
      }
    }
    case 'envReclaimed':
      return {
        type: 'reclaimed',
        ref: DOCS.lifecycle,
        text: `${f.env} was idle for ${seconds(f.idleMs)}; Lambda shuts it down. The next request that needs it gets a cold start.`,
      }
    case 'eventSent':
      return { type: 'command', ref: DOCS.syncInvoke, text: `You send an event by hand (${f.event}).` }
    case 'failNextArmed':
      return { type: 'command', ref: DOCS.functionError, text: 'The next invocation will throw an error.' }
    case 'configChanged':
      return { type: 'command', ref: DOCS.concurrency, text: 'You change the configuration; it applies from now on.' }
  }
}
