import type { ThemeChoice } from '../view/Visualizer'

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' }
const WORDS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' }

/** Cycles system → light → dark. */
export function ThemeToggle({ theme, onChange }: { theme: ThemeChoice; onChange: (t: ThemeChoice) => void }) {
  return (
    <button
      type="button"
      className="lem-btn lem-theme-btn"
      onClick={() => onChange(NEXT[theme])}
      aria-label={`Theme: ${WORDS[theme]}. Switch to ${WORDS[NEXT[theme]]}`}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}</span>
      <span className="lem-app-word">Theme: {WORDS[theme]}</span>
    </button>
  )
}
