import { describe, expect, it } from 'vitest'
import { PRESETS } from '../scenarios'
import { totalBeats } from './beats'
import { shownTotal } from './folds'
import { computeAll, createRun } from './timeline'

/**
 * Every preset tells its story in about a minute at the default pace (a beat a second): repeated
 * beats fold (folds.ts), so a day of retries is one beat. Raise a limit here only with a reason.
 */
const MAX_BEATS = 60
const LIMITS: Readonly<Record<string, number>> = {}

describe('every preset in about 60 beats at the default pace', () => {
  for (const p of PRESETS) {
    it(p.id, () => {
      const run = computeAll(createRun(p.scenario), 1_000_000)
      const { beats, folds } = run.frontier
      expect(run.frontier.finished).toBe(true)
      const shown = shownTotal(beats, folds)
      expect(shown, `${p.id}: ${totalBeats(beats)} beats, ${shown} shown`).toBeLessThanOrEqual(
        LIMITS[p.id] ?? MAX_BEATS,
      )
    })
  }
})
