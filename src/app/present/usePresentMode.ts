import { useCallback, useEffect, useRef, useState } from 'react'
import type { StoreApi } from 'zustand/vanilla'
import type { SimStore } from '../../store/createSimStore'
import { enterFullscreen, leaveFullscreen } from './fullscreen'
import { isTextTarget, presentAction } from './presentKeys'
import { isPresentUrl, withPresent } from './presentUrl'

export interface PresentMode {
  readonly on: boolean
  readonly blank: boolean
  enter(): void
  exit(): void
  toggleBlank(): void
  /** The visualizer's store, for the clicker keys (from Visualizer's onStore). */
  setStore(store: StoreApi<SimStore>): void
  /** A guide (a lesson) that takes forward / back first; it returns whether it used the key. */
  setClicker(handler: ((action: 'forward' | 'back') => boolean) | null): void
}

function writeUrl(on: boolean): void {
  const search = withPresent(window.location.search, on)
  try {
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`)
  } catch {
    // Rate-limited by the browser; the next share update writes it.
  }
}

/**
 * Presentation mode: on from `?present=1`, the Present button or the P key; full screen when the
 * browser allows; clicker keys step; Escape (or leaving full screen) ends it. `search`: the query it
 * starts from, where there is no window (the build's first frame); else the address's.
 */
export function usePresentMode(search?: string): PresentMode {
  const [on, setOn] = useState(() => isPresentUrl(search ?? window.location.search))
  const [blank, setBlank] = useState(false)
  // What the clicker's keys see: the blank drawn now, not the one when their listener was made (a key
  // pressed right after "." came before the listener was made again, and stepped under the blank).
  const blankNow = useRef(false)
  const showBlank = useCallback((b: boolean) => {
    blankNow.current = b
    setBlank(b)
  }, [])
  const store = useRef<StoreApi<SimStore> | null>(null)
  const clicker = useRef<((action: 'forward' | 'back') => boolean) | null>(null)

  const enter = useCallback(() => {
    setOn(true)
    writeUrl(true)
    enterFullscreen()
  }, [])
  const exit = useCallback(() => {
    setOn(false)
    showBlank(false)
    writeUrl(false)
    leaveFullscreen()
  }, [showBlank])
  const toggleBlank = useCallback(() => showBlank(!blankNow.current), [showBlank])
  const setStore = useCallback((s: StoreApi<SimStore>) => {
    store.current = s
  }, [])
  const setClicker = useCallback((h: ((action: 'forward' | 'back') => boolean) | null) => {
    clicker.current = h
  }, [])

  // P toggles from anywhere in the app.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key !== 'p' && e.key !== 'P') || e.altKey || e.ctrlKey || e.metaKey || isTextTarget(e.target)) return
      e.preventDefault()
      if (on) exit()
      else enter()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [on, enter, exit])

  // Clicker keys, in the capture phase so they win over the visualizer's own shortcuts.
  useEffect(() => {
    if (!on) return
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTextTarget(e.target)) return
      const action = presentAction(e.key)
      if (!action) return
      e.preventDefault()
      e.stopPropagation()
      if (blankNow.current && action !== 'exit') return showBlank(false)
      if ((action === 'forward' || action === 'back') && clicker.current?.(action)) return
      const s = store.current?.getState()
      if (action === 'forward') s?.stepForward()
      else if (action === 'back') s?.stepBack()
      else if (action === 'playPause') s?.togglePlay()
      else if (action === 'reset') s?.reset()
      else if (action === 'blank') showBlank(true)
      else if (action === 'fullscreen') enterFullscreen()
      else exit()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [on, exit, showBlank])

  // The browser's own Escape leaves full screen without a keydown: leave presenting with it.
  useEffect(() => {
    if (!on) return
    const onChange = () => {
      if (!document.fullscreenElement) exit()
    }
    document.addEventListener('fullscreenchange', onChange)
    return () => document.removeEventListener('fullscreenchange', onChange)
  }, [on, exit])

  return { on, blank, enter, exit, toggleBlank, setStore, setClicker }
}
