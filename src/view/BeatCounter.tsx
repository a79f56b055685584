import { beatPosition } from '../store/createSimStore'
import { useSim } from '../store/SimProvider'

/** "Beat 7 / 23" (or "Step 123" past the beat index), and "Run finished" at the end. */
export function BeatCounter({ className = '' }: { className?: string }) {
  const beat = useSim((s) => beatPosition(s.run).beat)
  const total = useSim((s) => beatPosition(s.run).total)
  const byStep = useSim((s) => beatPosition(s.run).byStep)
  const finished = useSim((s) => beatPosition(s.run).finished)
  const step = useSim((s) => s.run.cursor.step)
  const label = byStep ? `Step ${beat}` : total === null ? `Beat ${beat}` : `Beat ${beat} / ${total}`
  return (
    <span className={`lem-beat ${className}`} data-testid="beat-counter" data-finished={finished ? 'true' : undefined} title={`Step ${step}`}>
      <span className="lem-beat-count">{label}</span>
      {finished && <span className="lem-beat-end" role="status">Run finished</span>}
    </span>
  )
}
