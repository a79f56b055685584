import { useEffect, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { StageFitContext } from '../../view/stageFit'
import type { StageFit } from '../../view/stageFit'
import type { PresentMode } from './usePresentMode'
import './present.css'

/** How long the controls stay after the pointer stops. */
const CONTROLS_LINGER_MS = 2500

/** Screen height taken by the caption (two entries of two lines at most, and "+N more"), legend and padding. */
const CHROME_PX = 290

/**
 * The room the stage may fill while presenting, following the window: drawn as big as fits, and
 * never below 1:1 (a tall stage scrolls under the caption, which stays at the bottom).
 */
function usePresentRoom(on: boolean): StageFit | null {
  const [height, setHeight] = useState(() => (typeof window === 'undefined' ? 0 : window.innerHeight))
  useEffect(() => {
    if (!on) return
    const update = () => setHeight(window.innerHeight)
    update()
    window.addEventListener('resize', update)
    return () => window.removeEventListener('resize', update)
  }, [on])
  return useMemo(() => (on && height > CHROME_PX ? { height: height - CHROME_PX, minScale: 1 } : null), [on, height])
}

/**
 * Wraps the visualizer in both modes (so it is never remounted). While presenting: the stage and
 * caption fill the screen, the controls hide until the pointer moves or focus enters them, and
 * "." or B blanks the screen.
 */
export function PresentFrame({ present, children }: { present: PresentMode; children: ReactNode }) {
  const [active, setActive] = useState(false)
  const timer = useRef<number | null>(null)
  const room = usePresentRoom(present.on)
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current)
    },
    [],
  )
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
      <StageFitContext.Provider value={room}>{children}</StageFitContext.Provider>
      {present.on && (
        <button type="button" className="lem-btn lem-present-exit" onClick={present.exit} aria-keyshortcuts="Escape">
          Exit presentation
        </button>
      )}
      {present.on && present.blank && (
        <div
          className="lem-present-blank"
          data-testid="present-blank"
          onClick={present.toggleBlank}
          role="presentation"
        />
      )}
    </div>
  )
}
