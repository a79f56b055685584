import { md5Hex } from './md5'
import type { SimState } from './types'

/**
 * The messages Lambda sends when it is done with an event (fact sheet §3.5, §3.6, §4.3; sources in
 * docs/MODELLING.md "Records Lambda sends"): the asynchronous invocation record, the same record
 * wrapped as an EventBridge event, the dead-letter queue message, and the stream on-failure record.
 *
 * Built deterministically: times come from the simulated clock over a fixed epoch, ids from the
 * scenario's seed and the event's (or batch's) name, never from the wall clock or Math.random.
 */

/** Simulated time 0 is this instant (2024-01-01T00:00:00.000Z), so records carry real-looking dates. */
export const EPOCH_MS = 1704067200000
export const REGION = 'us-east-1'
export const ACCOUNT = '123456789012'
export const FUNCTION_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:demo:$LATEST`
/** The function's ARN without a version: what a stream on-failure record names (§4.3 [S55]). */
export const UNQUALIFIED_FUNCTION_ARN = FUNCTION_ARN.replace(/:\$LATEST$/, '')
/** The default event bus, which an EventBridge destination puts its events on. */
export const EVENT_BUS_ARN = `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default`

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

/** ISO 8601 UTC time of simulated millisecond `ms` (no Date objects in the engine: civil-from-days). */
export function isoTime(ms: number): string {
  const t = EPOCH_MS + Math.floor(ms)
  const days = Math.floor(t / 86400000)
  const rest = t - days * 86400000
  // Howard Hinnant's civil_from_days.
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  const h = Math.floor(rest / 3600000)
  const min = Math.floor((rest % 3600000) / 60000)
  const sec = Math.floor((rest % 60000) / 1000)
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(min, 2)}:${pad(sec, 2)}.${pad(rest % 1000, 3)}Z`
}

/** The same instant at second precision ("2024-01-01T00:00:05Z"), as DynamoDB Streams dates are. */
export function isoSeconds(ms: number): string {
  return isoTime(ms).replace(/\.\d{3}Z$/, 'Z')
}

/** A UUID-shaped id (version 4 layout) from the scenario's seed and a name: the same run, the same ids. */
export function requestId(s: SimState, name: string): string {
  const h = md5Hex(`${s.scenario.seed}:${name}`)
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** The event Lambda was invoked with. The format has no payloads, so a stand-in naming the event. */
export function requestPayload(id: string): { readonly id: string } {
  return { id }
}

export type AsyncCondition = 'Success' | 'RetriesExhausted' | 'EventAgeExceeded'

export interface InvocationRecord {
  readonly version: '1.0'
  readonly timestamp: string
  readonly requestContext: {
    readonly requestId: string
    readonly functionArn: string
    readonly condition: AsyncCondition
    readonly approximateInvokeCount: number
  }
  readonly requestPayload: { readonly id: string }
  readonly responseContext?: {
    readonly statusCode: 200
    readonly executedVersion: '$LATEST'
    readonly functionError?: 'Handled' | 'Unhandled'
  }
  readonly responsePayload?: unknown
}

/**
 * The asynchronous invocation record (§3.5). Every try of an event shares its requestId.
 * `response` is absent when the function never ran (only throttled tries): there is no response.
 */
export function invocationRecord(
  s: SimState,
  id: string,
  condition: AsyncCondition,
  invokeCount: number,
  response: { functionError?: 'Handled' | 'Unhandled'; payload: unknown } | null,
): InvocationRecord {
  const base = {
    version: '1.0' as const,
    timestamp: isoTime(s.now),
    requestContext: {
      requestId: requestId(s, id),
      functionArn: FUNCTION_ARN,
      condition,
      approximateInvokeCount: invokeCount,
    },
    requestPayload: requestPayload(id),
  }
  if (response === null) return base
  const responseContext = response.functionError
    ? { statusCode: 200 as const, executedVersion: '$LATEST' as const, functionError: response.functionError }
    : { statusCode: 200 as const, executedVersion: '$LATEST' as const }
  return { ...base, responseContext, responsePayload: response.payload }
}

/** How an EventBridge destination receives the record: as `detail` of an event from source `lambda` (§3.5). */
export function eventBridgeEvent(s: SimState, record: InvocationRecord): Record<string, unknown> {
  const success = record.requestContext.condition === 'Success'
  return {
    version: '0',
    id: requestId(s, `eventbridge:${record.requestContext.requestId}`),
    'detail-type': success
      ? 'Lambda Function Invocation Result - Success'
      : 'Lambda Function Invocation Result - Failure',
    source: 'lambda',
    account: ACCOUNT,
    time: isoSeconds(s.now),
    region: REGION,
    // AWS-recorded destination events list the bus and the function (docs/MODELLING.md "Records").
    resources: [EVENT_BUS_ARN, record.requestContext.functionArn],
    detail: record,
  }
}

/** The record as the destination receives it: EventBridge wraps it; SQS, SNS, Lambda and S3 get it as is. */
export function destinationMessage(s: SimState, target: string, record: InvocationRecord): unknown {
  return target === 'eventbridge' ? eventBridgeEvent(s, record) : record
}

/**
 * The dead-letter queue message (§3.6): the original event as the body, unchanged, and three message
 * attributes. SQS attributes carry DataType/StringValue; SNS attributes Type/Value.
 */
export function deadLetterMessage(
  s: SimState,
  target: string,
  id: string,
  errorCode: number,
  errorMessage: string,
): Record<string, unknown> {
  const attrs = {
    RequestID: ['String', requestId(s, id)],
    ErrorCode: ['Number', String(errorCode)],
    ErrorMessage: ['String', errorMessage.slice(0, 1024)],
  } as const
  const messageAttributes: Record<string, Record<string, string>> = {}
  for (const [name, [type, value]] of Object.entries(attrs)) {
    messageAttributes[name] = target === 'sns' ? { Type: type, Value: value } : { DataType: type, StringValue: value }
  }
  return { body: requestPayload(id), messageAttributes }
}

export type StreamCondition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded' | 'RetentionExpired'

export interface BatchInfo {
  readonly shardId: string
  readonly startSequenceNumber: string
  readonly endSequenceNumber: string
  readonly approximateArrivalOfFirstRecord: string
  readonly approximateArrivalOfLastRecord: string
  readonly batchSize: number
  readonly streamArn: string
}

/**
 * The stream on-failure record (§4.3): metadata of the discarded batch, not the records. One per
 * discarded batch. `responseContext` is empty when no invocation of these records ever ran (only
 * throttles); without `functionError` when the last invocation returned a partial batch response.
 */
export function streamFailureRecord(
  s: SimState,
  key: 'KinesisBatchInfo' | 'DDBStreamBatchInfo',
  condition: StreamCondition,
  invokeCount: number,
  functionError: string,
  info: BatchInfo,
  name: string,
): Record<string, unknown> {
  return {
    requestContext: {
      requestId: requestId(s, name),
      functionArn: UNQUALIFIED_FUNCTION_ARN,
      condition,
      approximateInvokeCount: invokeCount,
    },
    responseContext:
      invokeCount === 0
        ? {}
        : functionError === ''
          ? { statusCode: 200, executedVersion: '$LATEST' }
          : { statusCode: 200, executedVersion: '$LATEST', functionError },
    version: '1.0',
    timestamp: isoTime(s.now),
    [key]: info,
  }
}
