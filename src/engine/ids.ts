/**
 * The engine's id spaces, branded so one cannot stand in for another (an environment number where
 * an event number belongs, a batch number where a lane belongs). Brands are type-only: at run time
 * every id is the plain number or string it always was, so state stays JSON and reports unchanged.
 * Mint an id only where the engine creates the thing it names, with the constructors below.
 */
declare const brand: unique symbol
type Brand<T, B extends string> = T & { readonly [brand]: B }

/** An event's number: its index in `s.events` (arrival order), `EventRecord.n`. */
export type EventNo = Brand<number, 'EventNo'>
/** An event's public id (`EventRecord.id`, in reports and transitions). */
export type EventId = Brand<string, 'EventId'>
/** An execution environment's number: its index in `s.envs`, `Env.n`. */
export type EnvNo = Brand<number, 'EnvNo'>
/** An execution environment's public id (`env-…`). */
export type EnvId = Brand<string, 'EnvId'>
/** An invocation's number: its key in `s.invocations`, `Invocation.n`. */
export type InvocationNo = Brand<number, 'InvocationNo'>
/** A batch's public id (`batch-N`), shared by the SQS and stream mappings. */
export type BatchId = Brand<string, 'BatchId'>
/** An SQS batch's number (the N of `batch-N`): its key in `sqs.batches`. */
export type SqsBatchNo = Brand<number, 'SqsBatchNo'>
/** A stream lane's global number (shard × parallelization factor + lane): its index in `stream.lanes`. */
export type LaneNo = Brand<number, 'LaneNo'>

export const eventNo = (n: number): EventNo => n as EventNo
export const eventId = (id: string): EventId => id as EventId
export const envNo = (n: number): EnvNo => n as EnvNo
export const envId = (id: string): EnvId => id as EnvId
export const invocationNo = (n: number): InvocationNo => n as InvocationNo
export const batchId = (id: string): BatchId => id as BatchId
export const sqsBatchNo = (n: number): SqsBatchNo => n as SqsBatchNo
export const laneNo = (n: number): LaneNo => n as LaneNo
