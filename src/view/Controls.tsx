import { beatPosition } from '../store/createSimStore'
import { useSim, useSimStore } from '../store/SimProvider'
import { BeatCounter } from './BeatCounter'
import { PlaybackButtons } from './PlaybackButtons'
import { SpeedControl } from './SpeedControl'

/** Play / pause, step forward and back (by beats, or single steps with "Fine steps"), reset, where we are. */
export function Controls({ minimal = false }: { minimal?: boolean }) {
  const store = useSimStore()
  const playing = useSim((s) => s.playing)
  const atStart = useSim((s) => s.run.cursor.step === 0)
  const finished = useSim((s) => beatPosition(s.run).finished)
  const fine = useSim((s) => s.fineSteps)
  const a = store.getState()
  return (
    <div className="lem-controls" role="toolbar" aria-label="Playback">
      {/* One row of buttons where the stylesheet gives it a row of its own (the rail); otherwise no box. */}
      <div className="lem-playback">
        <PlaybackButtons playing={playing} atStart={atStart} actions={a} finished={finished} />
      </div>
      <BeatCounter />
      <label
        className="lem-check"
        title="Step forward / back by single occurrences instead of beats (also Shift+→ / Shift+←)"
      >
        <input type="checkbox" checked={fine} onChange={(e) => store.getState().setFineSteps(e.target.checked)} />
        <span>
          Fine<span className="lem-check-more"> steps</span>
        </span>
      </label>
      {!minimal && <SpeedControl />}
    </div>
  )
}
