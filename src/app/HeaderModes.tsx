/** The header's ways into the lessons and the classroom modes: presenting this frame, and the three models compared. */
export function HeaderModes({ onPresent, inLesson }: { onPresent: () => void; inLesson: boolean }) {
  return (
    <nav className="lem-app-modes" aria-label="Modes">
      {inLesson ? (
        <a className="lem-btn" href="./" data-testid="explore-link">
          <span aria-hidden="true">◇</span>
          <span className="lem-app-word">Explore</span>
        </a>
      ) : (
        <a className="lem-btn lem-btn--primary lem-start-here" href="?lesson=start-here" data-testid="start-here">
          <span aria-hidden="true">▶</span>
          <span>Start here</span>
        </a>
      )}
      <a className="lem-btn" href="?lessons" data-testid="lessons-link">
        <span aria-hidden="true">☷</span>
        <span className="lem-app-word">Lessons</span>
      </a>
      <a className="lem-btn" href="?template" data-testid="template-link">
        <span aria-hidden="true">{'{}'}</span>
        <span className="lem-app-word">Your template</span>
      </a>
      <a className="lem-btn" href="?compare=burst" data-testid="compare-link">
        <span aria-hidden="true">☰</span>
        <span className="lem-app-word">Compare</span>
      </a>
      <button type="button" className="lem-btn" onClick={onPresent} aria-keyshortcuts="P" data-testid="present-button">
        <span aria-hidden="true">▣</span>
        <span className="lem-app-word">Present</span>
      </button>
    </nav>
  )
}
