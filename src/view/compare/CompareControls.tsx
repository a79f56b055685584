import { useStore } from 'zustand'
import type { StoreApi } from 'zustand/vanilla'
import type { CompareState } from '../../store/compareStore'
import { formatSpeed, SPEED_PRESETS } from '../../store/speed'
import { PlaybackButtons } from '../PlaybackButtons'
import { formatMs } from '../tokenText'

/** The one set of controls for all three lanes. */
export function CompareControls({ store }: { store: StoreApi<CompareState> }) {
  const playing = useStore(store, (s) => s.playing)
  const clock = useStore(store, (s) => Math.floor(s.clock))
  const speed = useStore(store, (s) => s.speed)
  const a = store.getState()
  return (
    <div className="lem-compare-controls lem-controls" role="toolbar" aria-label="Playback for all three models">
      <PlaybackButtons playing={playing} atStart={clock === 0} actions={a} />
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
