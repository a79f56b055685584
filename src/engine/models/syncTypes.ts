import type { InvocationNo } from '../ids'
import type { Paged } from '../paged'

/** Synchronous model: per event, the caller's side of the conversation. */
export interface SyncModelState {
  /** Per event index: caller attempts made so far. */
  callerAttempts: Paged<number>
  /** Per event index: invocation number the caller is waiting on, or -1. */
  waitingOn: Paged<InvocationNo | -1>
  /** Per event index: a caller retry is scheduled (the event is still pending). */
  retryPending: Paged<boolean>
  /** Per event index: the step that gave the caller its latest answer, -1 before any (the answer band shows the current beat's). */
  answerStep: Paged<number>
}
