import { beatPosition } from '../store/createSimStore'
import { useSim } from '../store/SimProvider'

/** "Beat 7 / 23" (or "Step 123" past the beat index), and "Run finished" at the end. */
export function BeatCounter({ className = '' }: { className?: string }) {
  const beat = useSim((s) => beatPosition(s.run).beat)
  const total = useSim((s) => beatPosition(s.run).total)
  const byStep = useSim((s) => beatPosition(s.run).byStep)
  const finished = useSim((s) => beatPosition(s.run).finished)
  const step = useSim((s) => s.run.cursor.step)
  const word = byStep ? 'Step' : 'Beat'
  const count = total === null || byStep ? `${beat}` : `${beat} / ${total}`
  // The word hides on phones ("9 / 39" fits the bottom bar); the whole text stays the accessible name.
  return (
    <span
      className={`lem-beat ${className}`}
      data-testid="beat-counter"
      data-finished={finished ? 'true' : undefined}
      title={`Step ${step}`}
    >
      <span className="lem-beat-count">
        <span className="lem-beat-word">{word} </span>
        {count}
      </span>
      {finished && (
        <span className="lem-beat-end" role="status">
          Run finished
        </span>
      )}
    </span>
  )
}
