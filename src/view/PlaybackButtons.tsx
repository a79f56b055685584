/** What the playback buttons drive: one visualizer's store or the compare page's shared clock. */
export interface PlaybackActions {
  togglePlay(): void
  stepBack(): void
  stepForward(): void
  reset(): void
}

/**
 * A button's words: the full one is always its accessible name; where room is short (the rail
 * beside the stage) the stylesheet shows the short one instead, hidden from screen readers.
 */
function Label({ full, short }: { full: string; short: string }) {
  return (
    <>
      <span className="lem-btn-full">{full}</span>
      <span className="lem-btn-short" aria-hidden="true">
        {short}
      </span>
    </>
  )
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
        <Label full="Step back" short="Back" />
      </button>
      <button
        type="button"
        className="lem-btn"
        onClick={() => actions.stepForward()}
        disabled={finished}
        aria-keyshortcuts="ArrowRight Shift+ArrowRight"
      >
        <Label full="Step forward" short="Forward" />
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
