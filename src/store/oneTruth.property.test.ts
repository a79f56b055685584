import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ENVS_NODE } from '../engine'
import type { Invocation, SimState } from '../engine'
import { PRESETS } from '../scenarios'
import { endAt, totalBeats } from './beats'
import { seriesAt } from './metrics'
import * as T from './timeline'
import type { Run } from './timeline'

/**
 * Issue 18 item 1, one source of truth per frame: whatever the stage, the caption, the answer band
 * and the metrics show at a cursor comes from the engine state at that cursor, whichever way the
 * cursor got there. Each case goes to a random beat of a preset, steps a few beats forward, then
 * back by beats or single steps, and compares the frame with a run that goes to that step
 * directly; then it recomputes from the cursor's SimState and fails on any contradiction.
 */

interface Base {
  /** A run at step 0 (nothing computed past its lookahead), the start of every path. */
  readonly start: Run
  /** The same run computed to its end: its beat index says where the beats are. */
  readonly whole: Run
}

const bases = new Map<string, Base>()
function base(id: string): Base {
  let b = bases.get(id)
  if (!b) {
    const start = T.createRun(PRESETS.find((p) => p.id === id)!.scenario)
    b = { start, whole: T.computeAll(start) }
    bases.set(id, b)
  }
  return b
}

/** Invocations holding environments in the engine state: running ones and the one settling. */
function held(s: SimState): Invocation[] {
  const out = Object.values(s.invocations)
  if (s.settling) out.push(s.settling)
  return out
}

/** Every contradiction between the frame `run` shows and the engine state at its cursor. */
function contradictions(run: Run): string[] {
  const s = run.cursor
  const st = run.stage
  const bad: string[] = []
  const envById = new Map(st.envs.map((e) => [e.id, e]))
  const drawnBusy = st.envs.filter((e) => e.state === 'busy' || e.state === 'init')
  // Engine side: an environment is busy exactly when it holds an invocation, and busy ones are counted.
  const engineBusy = s.envs.filter((e) => e.state === 'busy').length
  if (engineBusy !== s.concurrency.busy) bad.push(`engine: ${engineBusy} busy envs, concurrency ${s.concurrency.busy}`)
  for (const inv of held(s)) {
    const env = s.envs[inv.env]!
    if (env.state !== 'busy') bad.push(`engine: ${env.id} holds ${inv.id} but is ${env.state}`)
  }
  // Stage: running tokens sit in a busy environment that lists them.
  for (const t of st.tokens) {
    if (t.state !== 'running' && t.env === null) continue
    const env = t.env === null ? undefined : envById.get(t.env)
    if (t.node !== ENVS_NODE || !env) {
      bad.push(`${t.id} is ${t.state} at ${t.node} with no environment`)
      continue
    }
    if (env.state !== 'busy' && env.state !== 'init') bad.push(`${t.id} runs in ${env.id}, drawn ${env.state}`)
    if (!env.tokens.includes(t.id)) bad.push(`${env.id} does not list ${t.id}`)
  }
  // An environment that holds records is not drawn idle, and every drawn-busy one is counted.
  for (const e of st.envs) {
    if (e.tokens.length > 0 && e.state !== 'busy' && e.state !== 'init')
      bad.push(`${e.id} holds ${e.tokens.length} records, drawn ${e.state}`)
  }
  const metrics = seriesAt(run.frontier.samples, s).at(-1)!
  if (drawnBusy.length !== st.gauge.busy) bad.push(`${drawnBusy.length} envs drawn busy, gauge ${st.gauge.busy}`)
  if (metrics.ConcurrentExecutions !== drawnBusy.length)
    bad.push(`ConcurrentExecutions ${metrics.ConcurrentExecutions}, ${drawnBusy.length} envs drawn busy`)
  // The answer band: only answers of the beat whose caption is on screen, each told in that caption.
  const from = T.shownBeatStart(run.frontier.beats, s.step, run.captionHeldFrom)
  for (const r of st.replies) {
    if (r.step < from || r.step > s.step) bad.push(`answer to ${r.token} from step ${r.step}, beat ${from}..${s.step}`)
    else if (!run.caption.some((t) => t.step === r.step && (t.events ?? []).includes(r.token)))
      bad.push(`answer to ${r.token} (step ${r.step}) is in no caption line of the beat`)
  }
  return bad
}

type Move = 'beat' | 'step'

describe('one source of truth per frame (issue 18)', () => {
  it('every preset, random cursors and step-back paths: the frame equals a direct run and contradicts nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRESETS.map((p) => p.id)),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.constantFrom<Move>('beat', 'beat', 'step'), { maxLength: 5 }),
        (id, where, nearFailure, forward, back) => {
          const { start, whole } = base(id)
          const beats = whole.frontier.beats
          const total = totalBeats(beats) ?? beats.count - 1
          // Half the cases start at a failure frame (rare among beats, and where the settle split lives).
          const failures = whole.frontier.log.filter((t) => t.type === 'attemptFailed').map((t) => t.step)
          const to =
            nearFailure && failures.length > 0
              ? failures[Math.floor(where * failures.length)]!
              : endAt(beats, Math.floor(where * (total + 1)))
          let run = T.goToStep(start, to)
          for (let i = 0; i < forward; i++) run = T.beatForward(run)
          for (const m of back) run = m === 'beat' ? T.beatBack(run) : T.stepBack(run)
          const direct = T.goToStep(start, run.cursor.step)
          expect(run.stage, `${id} at step ${run.cursor.step}`).toEqual(direct.stage)
          expect(run.caption).toEqual(direct.caption)
          expect(contradictions(run), `${id} at step ${run.cursor.step}`).toEqual([])
          expect(contradictions(direct)).toEqual([])
        },
      ),
      { numRuns: 80 },
    )
  })

  it('every failure frame of every preset (the settle split) contradicts nothing', () => {
    for (const p of PRESETS) {
      const { whole } = base(p.id)
      const failed = whole.frontier.log.filter((t) => t.type === 'attemptFailed').slice(0, 4)
      for (const t of failed) expect(contradictions(T.goToStep(whole, t.step)), `${p.id} step ${t.step}`).toEqual([])
    }
  })

  it('§6 scenario 8: sqs-partial-batch beat 3 shows the whole batch in a busy, counted env-1 and counts it truthfully', () => {
    let run = base('sqs-partial-batch').start
    for (let i = 0; i < 3; i++) run = T.beatForward(run)
    expect(run.caption.map((t) => t.text)).toEqual([
      'batch-1 (10 records) reports 2 failed items (bad-1, bad-2) in env-1. Next: what Lambda does with the failure.',
    ])
    expect(run.stage.envs.map((e) => [e.id, e.state, e.tokens.length])).toEqual([['env-1', 'busy', 10]])
    expect(seriesAt(run.frontier.samples, run.cursor).at(-1)!.ConcurrentExecutions).toBe(1)
  })

  it('§1.2 sync-basics: the band shows req-2’s 200 in its beat, nothing while req-3 fails, and req-2 again after stepping back', () => {
    let run = base('sync-basics').start
    for (let i = 0; i < 7; i++) run = T.beatForward(run)
    expect(run.stage.replies.map((r) => [r.token, r.short])).toEqual([['req-2', '200 OK']])
    run = T.beatForward(run)
    expect(run.caption[0]!.text).toMatch(/^req-3 fails/)
    expect(run.stage.replies).toEqual([])
    run = T.beatForward(run)
    expect(run.stage.replies.map((r) => r.token)).toEqual(['req-3'])
    run = T.beatBack(run)
    expect(run.stage.replies).toEqual([])
    run = T.beatBack(run)
    expect(run.stage.replies.map((r) => r.token)).toEqual(['req-2'])
  })

  it('§3.2 async: the 202 band belongs to the arrival beat, not to the retries and delivery after it', () => {
    const { whole } = base('async-retries')
    const last = T.goToStep(whole, whole.frontier.head.step)
    expect(last.stage.replies).toEqual([])
    // The token still carries its own 202, and the tally every answer so far.
    expect(last.stage.tokens.find((t) => t.id === 'upload-1')!.reply?.code).toBe('202')
    expect(last.stage.tally).toEqual([{ code: '202', tone: 'accepted', count: 1 }])
    const first = T.beatForward(base('async-retries').start)
    expect(first.stage.replies.map((r) => r.code)).toEqual(['202'])
  })
})
