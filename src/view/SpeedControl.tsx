import { useSim, useSimStore } from '../store/SimProvider'
import { formatSpeed, SPEED_PRESETS } from '../store/speed'

/** Speed preset select (0.1× to 1000×) and "skip idle". */
export function SpeedControl() {
  const store = useSimStore()
  const speed = useSim((s) => s.speed)
  const skipIdle = useSim((s) => s.skipIdle)
  const options = SPEED_PRESETS.includes(speed) ? SPEED_PRESETS : [...SPEED_PRESETS, speed].sort((a, b) => a - b)
  return (
    <div className="lem-speed">
      <label className="lem-field-inline">
        <span>Speed</span>
        <select className="lem-select" value={String(speed)} onChange={(e) => store.getState().setSpeed(Number(e.target.value))}>
          {options.map((v) => (
            <option key={v} value={String(v)}>
              {formatSpeed(v)}
            </option>
          ))}
        </select>
      </label>
      <label className="lem-check" title="Jump quickly over waits where nothing runs (retry delays, visibility timeouts)">
        <input type="checkbox" checked={skipIdle} onChange={(e) => store.getState().setSkipIdle(e.target.checked)} />
        <span>Skip idle</span>
      </label>
    </div>
  )
}
