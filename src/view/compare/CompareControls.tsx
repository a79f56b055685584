import { useStore } from 'zustand'
import type { StoreApi } from 'zustand/vanilla'
import type { CompareState } from '../../store/compareStore'
import { BEAT_PACES, formatBeatPace, formatSpeed, SPEED_PRESETS } from '../../store/speed'
import { PlaybackButtons } from '../PlaybackButtons'
import { formatMs } from '../tokenText'

/** The one set of controls for all three lanes. Pace as in the visualizer: beat by beat (the default) or by time. */
export function CompareControls({ store }: { store: StoreApi<CompareState> }) {
  const playing = useStore(store, (s) => s.playing)
  const clock = useStore(store, (s) => Math.floor(s.clock))
  const speed = useStore(store, (s) => s.speed)
  const beatMs = useStore(store, (s) => s.beatMs)
  const a = store.getState()
  const choose = (v: string): void => {
    if (v.startsWith('b')) a.setBeatPace(Number(v.slice(1)))
    else {
      a.setBeatPace(null)
      a.setSpeed(Number(v.slice(1)))
    }
  }
  return (
    <div className="lem-compare-controls lem-controls" role="toolbar" aria-label="Playback for all three models">
      <PlaybackButtons playing={playing} atStart={clock === 0} actions={a} />
      <label className="lem-field-inline">
        Speed
        <select
          className="lem-select"
          value={beatMs === null ? `t${speed}` : `b${beatMs}`}
          onChange={(e) => choose(e.target.value)}
        >
          <optgroup label="One beat at a time">
            {BEAT_PACES.map((ms) => (
              <option key={ms} value={`b${ms}`}>
                {formatBeatPace(ms)}
              </option>
            ))}
          </optgroup>
          <optgroup label="Simulated time">
            {SPEED_PRESETS.map((s) => (
              <option key={s} value={`t${s}`}>
                {formatSpeed(s)}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <span className="lem-compare-clock" data-testid="compare-clock" data-sim-time={clock} aria-live="off">
        <span className="lem-compare-clock-word">Shared clock</span>
        <span className="lem-compare-clock-short" aria-hidden="true">
          Clock
        </span>{' '}
        <strong>{formatMs(clock)}</strong>
      </span>
    </div>
  )
}
