import { useState } from 'react'
import { useSim, useSimStore } from '../../store/SimProvider'
import { KnobField } from '../../view/KnobField'
import { applyKnob, knobRange, knobsFor, knobValue, readKnob } from '../../view/knobs'
import type { Knob } from '../../view/knobs'
import type { Lesson, Task } from '../format'
import { holds, lessonScenario, runScenario } from '../lessonRun'

type Result = 'passed' | 'failed' | null

/**
 * "Try it": the knobs the task names (the same fields as the Knobs tab; a change restarts the run),
 * a check that runs the learner's scenario on the engine, a hint after a wrong try, and the stored
 * solution on request.
 */
export function TaskBox({ lesson, task, onPassed }: { lesson: Lesson; task: Task; onPassed: () => void }) {
  const store = useSimStore()
  const scenario = useSim((s) => s.run.scenario)
  const [result, setResult] = useState<Result>(null)
  const [tries, setTries] = useState(0)
  const knobs = task.knobs
    .map((p) => knobsFor(scenario.model).find((k) => k.path === p))
    .filter((k): k is Knob => k !== undefined)
  const commit = (knob: Knob, raw: unknown): string | null => {
    const r = applyKnob(scenario, knob, raw)
    if ('problem' in r) return r.problem
    store.getState().load(r.scenario, null)
    setResult(null)
    return null
  }
  const check = () => {
    const s = store.getState()
    const ok = holds(runScenario(s.run.scenario, s.run.history.commands), task.check)
    setResult(ok ? 'passed' : 'failed')
    setTries((n) => n + 1)
    if (ok) onPassed()
    s.goToStep(0)
    s.play()
  }
  const solve = () => {
    const r = lessonScenario(lesson, task.solution)
    if ('scenario' in r) store.getState().load(r.scenario, null)
    setResult(null)
  }
  return (
    <section className="lem-task" aria-label="Try it" data-testid="lesson-task">
      <h3 className="lem-task-title">Try it</h3>
      <p>{task.prompt}</p>
      <div className="lem-task-knobs">
        {knobs.map((k) => (
          <KnobField
            key={`${k.path}:${String(JSON.stringify(readKnob(scenario, k.path)))}`}
            knob={k}
            range={knobRange(scenario, k)}
            value={readKnob(scenario, k.path)}
            onCommit={(v) => commit(k, typeof v === 'string' ? knobValue(k, v) : v)}
          />
        ))}
      </div>
      <div className="lem-task-actions">
        <button type="button" className="lem-btn lem-btn--primary" onClick={check} data-testid="task-check">
          Check my change
        </button>
        {tries > 0 && result !== 'passed' && (
          <button type="button" className="lem-btn" onClick={solve}>
            Show the solution
          </button>
        )}
      </div>
      <p className="lem-task-result" role="status" aria-live="polite" data-result={result ?? undefined}>
        {result === 'passed' && <>✓ {task.success}</>}
        {result === 'failed' && <>Not yet. Hint: {task.hint}</>}
      </p>
    </section>
  )
}
