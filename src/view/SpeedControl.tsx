import { useSim, useSimStore } from '../store/SimProvider'
import { BEAT_PACES, formatBeatPace, formatSpeed, SPEED_PRESETS } from '../store/speed'

/** Pace: beat by beat (the default, each beat held long enough to read) or by time, 0.1× to 1000×; "skip idle" for time. */
export function SpeedControl() {
  const store = useSimStore()
  const speed = useSim((s) => s.speed)
  const beatMs = useSim((s) => s.beatMs)
  const skipIdle = useSim((s) => s.skipIdle)
  const speeds = SPEED_PRESETS.includes(speed) ? SPEED_PRESETS : [...SPEED_PRESETS, speed].sort((a, b) => a - b)
  const paces =
    beatMs === null || BEAT_PACES.includes(beatMs) ? BEAT_PACES : [...BEAT_PACES, beatMs].sort((a, b) => b - a)
  const value = beatMs === null ? `t${speed}` : `b${beatMs}`
  const choose = (v: string): void => {
    const s = store.getState()
    if (v.startsWith('b')) s.setBeatPace(Number(v.slice(1)))
    else {
      s.setBeatPace(null)
      s.setSpeed(Number(v.slice(1)))
    }
  }
  return (
    <div className="lem-speed">
      <label className="lem-field-inline">
        <span>Speed</span>
        <select className="lem-select" value={value} onChange={(e) => choose(e.target.value)}>
          <optgroup label="One beat at a time">
            {paces.map((ms) => (
              <option key={ms} value={`b${ms}`}>
                {formatBeatPace(ms)}
              </option>
            ))}
          </optgroup>
          <optgroup label="Simulated time">
            {speeds.map((v) => (
              <option key={v} value={`t${v}`}>
                {formatSpeed(v)}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      {beatMs === null && (
        <label
          className="lem-check"
          title="Jump quickly over waits where nothing runs (retry delays, visibility timeouts)"
        >
          <input type="checkbox" checked={skipIdle} onChange={(e) => store.getState().setSkipIdle(e.target.checked)} />
          <span>Skip idle</span>
        </label>
      )}
    </div>
  )
}
