import type { InvocationNo } from '../ids'

/** Synchronous model: per event, the caller's side of the conversation. */
export interface SyncModelState {
  /** Per event index: caller attempts made so far. */
  callerAttempts: number[]
  /** Per event index: invocation number the caller is waiting on, or -1. */
  waitingOn: (InvocationNo | -1)[]
  /** Per event index: a caller retry is scheduled (the event is still pending). */
  retryPending: boolean[]
  /** Per event index: the step that gave the caller its latest answer, -1 before any (the answer band shows the current beat's). */
  answerStep: number[]
}
