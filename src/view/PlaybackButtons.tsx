/** What the playback buttons drive: one visualizer's store or the compare page's shared clock. */
export interface PlaybackActions {
  togglePlay(): void
  stepBack(): void
  stepForward(): void
  reset(): void
}

/**
 * Play / Pause, Step back, Step forward, Reset: the accessible names tests and users rely on. At
 * the end of a run Play reads "Replay" (it starts over).
 */
export function PlaybackButtons({
  playing,
  atStart,
  actions,
  finished = false,
}: {
  playing: boolean
  atStart: boolean
  actions: PlaybackActions
  finished?: boolean
}) {
  return (
    <>
      <button
        type="button"
        className="lem-btn lem-btn--primary"
        onClick={() => actions.togglePlay()}
        aria-keyshortcuts="Space"
      >
        <span aria-hidden="true" className="lem-icon">
          {playing ? '❚❚' : finished ? '⟲' : '▶'}
        </span>
        {playing ? 'Pause' : finished ? 'Replay' : 'Play'}
      </button>
      <button
        type="button"
        className="lem-btn"
        onClick={() => actions.stepBack()}
        disabled={atStart}
        aria-keyshortcuts="ArrowLeft Shift+ArrowLeft"
      >
        <span aria-hidden="true" className="lem-icon">
          ◀︎
        </span>
        Step back
      </button>
      <button
        type="button"
        className="lem-btn"
        onClick={() => actions.stepForward()}
        disabled={finished}
        aria-keyshortcuts="ArrowRight Shift+ArrowRight"
      >
        Step forward
        <span aria-hidden="true" className="lem-icon">
          ▶︎
        </span>
      </button>
      <button type="button" className="lem-btn" onClick={() => actions.reset()} aria-keyshortcuts="Home">
        <span aria-hidden="true" className="lem-icon">
          ⟲
        </span>
        Reset
      </button>
    </>
  )
}
