import { useSim, useSimStore } from '../store/SimProvider'
import { PlaybackButtons } from './PlaybackButtons'
import { SpeedControl } from './SpeedControl'

/** Play / pause, step forward and back, reset. */
export function Controls({ minimal = false }: { minimal?: boolean }) {
  const store = useSimStore()
  const playing = useSim((s) => s.playing)
  const atStart = useSim((s) => s.run.cursor.step === 0)
  const a = store.getState()
  return (
    <div className="lem-controls" role="toolbar" aria-label="Playback">
      <PlaybackButtons playing={playing} atStart={atStart} actions={a} />
      {!minimal && <SpeedControl />}
    </div>
  )
}
