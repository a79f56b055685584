import { useStore } from 'zustand'
import type { StoreApi } from 'zustand/vanilla'
import type { CompareState } from '../../store/compareStore'
import { formatSpeed, SPEED_PRESETS } from '../../store/speed'
import { formatMs } from '../tokenText'

/** The one set of controls for all three lanes. */
export function CompareControls({ store }: { store: StoreApi<CompareState> }) {
  const playing = useStore(store, (s) => s.playing)
  const clock = useStore(store, (s) => Math.floor(s.clock))
  const speed = useStore(store, (s) => s.speed)
  const a = store.getState()
  return (
    <div className="lem-compare-controls lem-controls" role="toolbar" aria-label="Playback for all three models">
      <button type="button" className="lem-btn lem-btn--primary" onClick={() => a.togglePlay()} aria-keyshortcuts="Space">
        <span aria-hidden="true" className="lem-icon">{playing ? '❚❚' : '▶'}</span>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="lem-btn" onClick={() => a.stepBack()} disabled={clock === 0} aria-keyshortcuts="ArrowLeft">
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
      <label className="lem-field-inline">
        Speed
        <select className="lem-select" value={speed} onChange={(e) => a.setSpeed(Number(e.target.value))}>
          {SPEED_PRESETS.map((s) => (
            <option key={s} value={s}>
              {formatSpeed(s)}
            </option>
          ))}
        </select>
      </label>
      <span className="lem-compare-clock" data-testid="compare-clock" data-sim-time={clock} aria-live="off">
        Shared clock <strong>{formatMs(clock)}</strong>
      </span>
    </div>
  )
}
