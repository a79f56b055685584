/** The header's ways into the classroom modes: presenting this frame, and the three models compared. */
export function HeaderModes({ onPresent }: { onPresent: () => void }) {
  return (
    <nav className="lem-app-modes" aria-label="Modes">
      <a className="lem-btn" href="?compare=burst" data-testid="compare-link">
        <span aria-hidden="true">☰</span>
        <span className="lem-app-word">Compare models</span>
      </a>
      <button type="button" className="lem-btn" onClick={onPresent} aria-keyshortcuts="P" data-testid="present-button">
        <span aria-hidden="true">▣</span>
        <span className="lem-app-word">Present</span>
      </button>
    </nav>
  )
}
