import type { TransitionType } from '../engine'

/**
 * The lesson format, version 1 (docs/LESSONS.md). A lesson is plain data: a scenario and ordered
 * stops on its run. Every answer and every task check is a query over the engine's run, never a
 * value typed by hand, so a lesson that no longer matches the engine fails `npm run lessons:check`.
 */

export const LESSON_FORMAT = 1

export type LessonLevel = 'first steps' | 'core' | 'deeper'

export interface Lesson {
  readonly format: 1
  readonly id: string
  readonly title: string
  /** One sentence: what the learner will be able to say afterwards. */
  readonly goal: string
  readonly model: 'sync' | 'async' | 'sqs' | 'sqs-fifo' | 'kinesis' | 'dynamodb'
  readonly level: LessonLevel
  readonly minutes: number
  /** A shipped preset (optionally with fields replaced), or a whole scenario. */
  readonly scenario: { readonly preset: string; readonly overrides?: object } | { readonly inline: object }
  readonly stops: readonly Stop[]
}

/** An AWS term explained where it first appears. */
export interface Term {
  readonly term: string
  readonly means: string
  readonly docUrl: string
}

export interface Stop {
  readonly id: string
  readonly title: string
  /** Short plain prose. */
  readonly text: string
  readonly terms?: readonly Term[]
  /** The AWS page this stop is about. */
  readonly docUrl: string
  /** Where the stage stops for this stop. */
  readonly until: Target
  /** What to look at on the stage (token ids, node names) while on this stop. */
  readonly look?: string
  readonly question?: Question
  readonly task?: Task
}

/**
 * A moment of the run: its first step (`start`), its last (`end`), or the step at which the n-th
 * transition (1 = first) with this fact kind and/or caption type happened to this event.
 */
export type Target =
  | { readonly start: true }
  | { readonly end: true }
  | {
      readonly fact?: string
      readonly type?: TransitionType
      readonly event?: string
      readonly nth?: number
    }

/**
 * A number or a word computed from the run's report (the `npm run sim` report): an event's attempts
 * (`ran`: only those in which the function ran), outcome, last destination (`wentTo`), first answer to
 * the caller (`status`), delivery condition, how attempt n started (cold / warm / throttled), when it
 * started (rounded to 0.1 of the unit), how many records shared its first batch, whether any event went to a target
 * (`anyWentTo`: "yes" / "no"), or a report metric.
 */
export type Query =
  | { readonly attempts: string; readonly ran?: boolean }
  | { readonly outcome: string }
  | { readonly wentTo: string }
  | { readonly status: string }
  | { readonly condition: string }
  | { readonly start: string; readonly attempt: number }
  | { readonly attemptAt: string; readonly attempt: number; readonly in: 's' | 'min' | 'h' }
  | { readonly batchOf: string }
  | { readonly anyWentTo: 'dlq' | 'onFailure' | 'onSuccess' | 'discarded' }
  | { readonly metric: string }

export interface Choice {
  readonly id: string
  readonly label: string
}

export type Question =
  | {
      readonly kind: 'choice'
      readonly prompt: string
      readonly choices: readonly Choice[]
      /** Computed: the id of the right choice. */
      readonly answer: Query
      /** Why, from the fact sheet: shown with the reveal. */
      readonly why: string
    }
  | {
      readonly kind: 'number'
      readonly prompt: string
      readonly unit?: string
      readonly answer: Query
      readonly why: string
    }

/** Holds when the query's value equals `equals`; `all` holds when each part does. */
export type Check = { readonly query: Query; readonly equals: string | number } | { readonly all: readonly Check[] }

export interface Task {
  readonly prompt: string
  /** Knob paths (docs/SCENARIO.md names) the learner is invited to change, shown beside the task. */
  readonly knobs: readonly string[]
  readonly check: Check
  readonly hint: string
  /** The known solution: the scenario fields to set (a partial scenario), checked to pass. */
  readonly solution: object
  /** Shown once the check passes. */
  readonly success: string
}
