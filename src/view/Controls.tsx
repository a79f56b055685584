import { useSim, useSimStore } from '../store/SimProvider'
import { SpeedControl } from './SpeedControl'

/** Play / pause, step forward and back, reset. */
export function Controls({ minimal = false }: { minimal?: boolean }) {
  const store = useSimStore()
  const playing = useSim((s) => s.playing)
  const atStart = useSim((s) => s.run.cursor.step === 0)
  const a = store.getState()
  return (
    <div className="lem-controls" role="toolbar" aria-label="Playback">
      <button type="button" className="lem-btn lem-btn--primary" onClick={() => a.togglePlay()} aria-keyshortcuts="Space">
        <span aria-hidden="true" className="lem-icon">{playing ? '❚❚' : '▶'}</span>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="lem-btn" onClick={() => a.stepBack()} disabled={atStart} aria-keyshortcuts="ArrowLeft">
        <span aria-hidden="true" className="lem-icon">◀︎</span>
        Step back
      </button>
      <button type="button" className="lem-btn" onClick={() => a.stepForward()} aria-keyshortcuts="ArrowRight">
        Step forward
        <span aria-hidden="true" className="lem-icon">▶︎</span>
      </button>
      <button type="button" className="lem-btn" onClick={() => a.reset()} aria-keyshortcuts="Home">
        <span aria-hidden="true" className="lem-icon">⟲</span>
        Reset
      </button>
      {!minimal && <SpeedControl />}
    </div>
  )
}
