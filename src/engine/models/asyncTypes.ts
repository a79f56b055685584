/** Asynchronous model state (filled in by models/async.ts). */
export interface AsyncModelState {
  readonly placeholder?: never
}
