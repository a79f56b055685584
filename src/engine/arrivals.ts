import { schedule, touch } from './core'
import { nth, eventAt } from './must'
import type { WorkloadEntry } from './scenario/types'
import { eventId, eventNo, type EventNo } from './ids'
import type { EventRecord, Work } from './types'
import { MANUAL_ENTRY_BASE } from './types'

/**
 * The workload: arrivals are scheduled lazily, one pending per workload entry, so a million-event
 * scenario does not sit in the queue at once. Ids are numbered in workload order per prefix.
 */

export function idOffsets(workload: readonly WorkloadEntry[]): number[] {
  const seen: Record<string, number> = {}
  return workload.map((e) => {
    const start = seen[e.idPrefix] ?? 0
    seen[e.idPrefix] = start + e.count
    return start
  })
}

export function scheduleFirstArrivals(w: Work): void {
  w.s.scenario.workload.forEach((e, i) => {
    if (e.count > 0) schedule(w, 'arrival', e.atMs, i, 0)
  })
}

/** Hand-sent event (a command): arrives now, after the file's arrivals of this millisecond. */
export interface ManualEvent {
  readonly fail?: WorkloadEntry['fail']
  readonly durationMs?: WorkloadEntry['durationMs']
  readonly groupId?: string
  readonly partitionKey?: string
  readonly matchesFilter?: boolean
}

export function scheduleManual(w: Work, event: ManualEvent): void {
  schedule(w, 'arrival', w.s.now, MANUAL_ENTRY_BASE + w.s.manual.length, 0)
  w.s.manual.push(event)
}

/** Creates the event record of an arrival and returns its index (the caller hands it to the model). */
export function arrive(w: Work, entry: number, index: number): EventNo {
  const s = w.s
  const e = s.scenario.workload[entry]
  let ev: EventRecord
  const n = s.events.length
  if (e) {
    const id = `${e.idPrefix}-${nth(s.idOffset, entry) + index + 1}`
    ev = newEvent(n, id, entry, s.now, e.fail, e.durationMs, e.groupId, e.partitionKey ?? id, e.matchesFilter)
    if (index + 1 < e.count) schedule(w, 'arrival', e.atMs + (index + 1) * e.everyMs, entry, index + 1)
  } else {
    const id = `you-${entry - MANUAL_ENTRY_BASE + 1}`
    const m = s.manual[entry - MANUAL_ENTRY_BASE] ?? {}
    ev = newEvent(
      n,
      id,
      entry,
      s.now,
      m.fail ?? 'never',
      m.durationMs ?? null,
      m.groupId ?? 'default',
      m.partitionKey ?? id,
      m.matchesFilter ?? true,
    )
  }
  s.events.push(ev)
  touch(w)
  return ev.n
}

/**
 * A message the handler itself sends (sqs.functionSendsToSameQueue): a new event arriving now,
 * with the id `<first id>-hop<h>` and the first event's handler time and group.
 */
export function arriveSent(w: Work, from: EventNo, id: string): EventNo {
  const s = w.s
  const src = eventAt(s, from)
  const ev = newEvent(
    s.events.length,
    id,
    src.entry,
    s.now,
    'never',
    src.durationMs,
    src.groupId,
    src.partitionKey,
    true,
  )
  s.events.push(ev)
  touch(w)
  return ev.n
}

/** One shape for every event record (a single hidden class keeps million-event runs fast). */
function newEvent(
  n: number,
  id: string,
  entry: number,
  at: number,
  fail: EventRecord['fail'],
  durationMs: EventRecord['durationMs'],
  groupId: string,
  partitionKey: string,
  matchesFilter: boolean,
): EventRecord {
  return {
    id: eventId(id),
    n: eventNo(n),
    entry,
    arrivedAt: at,
    fail,
    durationMs,
    groupId,
    partitionKey,
    matchesFilter,
    ran: 0,
    outcome: 'pending',
    stage: 'arriving',
    since: at,
    attempts: [],
    deliveries: [],
  }
}
