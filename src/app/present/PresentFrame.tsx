import { useEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import type { PresentMode } from './usePresentMode'
import './present.css'

/** How long the controls stay after the pointer stops. */
const CONTROLS_LINGER_MS = 2500

/**
 * Wraps the visualizer in both modes (so it is never remounted). While presenting: the stage and
 * caption fill the screen, the controls hide until the pointer moves or focus enters them, and
 * "." or B blanks the screen.
 */
export function PresentFrame({ present, children }: { present: PresentMode; children: ReactNode }) {
  const [active, setActive] = useState(false)
  const timer = useRef<number | null>(null)
  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current)
  }, [])
  const wake = () => {
    if (!present.on) return
    setActive(true)
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = window.setTimeout(() => setActive(false), CONTROLS_LINGER_MS)
  }
  return (
    <div
      className={`lem-present-frame${present.on ? ' lem-presenting' : ''}`}
      data-testid="present-frame"
      data-presenting={present.on ? 'true' : undefined}
      data-idle={present.on && !active ? 'true' : undefined}
      onPointerMove={wake}
      onPointerDown={wake}
      onFocus={wake}
    >
      {children}
      {present.on && (
        <button type="button" className="lem-btn lem-present-exit" onClick={present.exit} aria-keyshortcuts="Escape">
          Exit presentation
        </button>
      )}
      {present.on && present.blank && (
        <div className="lem-present-blank" data-testid="present-blank" onClick={present.toggleBlank} role="presentation" />
      )}
    </div>
  )
}
