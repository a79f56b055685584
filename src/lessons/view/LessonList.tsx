import { MODEL_LABELS } from '../../scenarios'
import type { Lesson } from '../format'
import type { Progress } from '../progress'

/** Every lesson with its length, level and the learner's progress; "Start here" first. */
export function LessonList({
  lessons,
  progress,
  onOpen,
  onReset,
  problem,
}: {
  lessons: readonly Lesson[]
  progress: Progress
  onOpen: (id: string) => void
  onReset: () => void
  problem: string | null
}) {
  const done = lessons.filter((l) => progress[l.id]?.done).length
  return (
    <div className="lem-lesson-list" data-testid="lesson-list">
      <div className="lem-guide-head">
        <h2 className="lem-guide-title">Lessons</h2>
        <span className="lem-guide-count">
          {done} of {lessons.length} done
        </span>
      </div>
      {problem && (
        <p className="lem-guide-problem" role="alert">
          {problem}
        </p>
      )}
      <ol className="lem-lessons">
        {lessons.map((l) => {
          const p = progress[l.id]
          const state = p?.done ? 'Done' : p ? `Stop ${p.reached + 1} of ${l.stops.length}` : 'Not started'
          return (
            <li key={l.id}>
              <button
                type="button"
                className="lem-lesson-item"
                onClick={() => onOpen(l.id)}
                data-done={p?.done ? '' : undefined}
                data-testid={`lesson-${l.id}`}
              >
                <span className="lem-lesson-name">{l.title}</span>
                <span className="lem-lesson-meta">
                  {MODEL_LABELS[l.model]} · {l.level} · {l.minutes} min · {state}
                </span>
              </button>
            </li>
          )
        })}
      </ol>
      <button type="button" className="lem-btn" onClick={onReset}>
        Reset progress
      </button>
    </div>
  )
}
