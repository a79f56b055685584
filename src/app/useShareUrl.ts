import { useCallback, useEffect, useRef } from 'react'
import type { ShareState } from '../store/url'
import { encodeShare } from '../store/url'

/** While playing, the address bar follows at most this often (browsers limit replaceState). */
const PLAYING_INTERVAL_MS = 700

/**
 * Keeps the address bar describing the current frame, with replaceState (no history spam).
 * `extraQuery` ("&present=1") rides along after the share parameters.
 */
export function useShareUrl(extraQuery = ''): (state: ShareState, playing: boolean) => void {
  const extra = useRef(extraQuery)
  useEffect(() => {
    extra.current = extraQuery
  }, [extraQuery])
  const last = useRef(0)
  const pending = useRef<number | null>(null)
  const latest = useRef<ShareState | null>(null)
  const write = useCallback(() => {
    pending.current = null
    const s = latest.current
    if (!s) return
    last.current = performance.now()
    const query = encodeShare(s) + extra.current
    if (query === window.location.search) return
    try {
      window.history.replaceState(
        window.history.state,
        '',
        `${window.location.pathname}${query}${window.location.hash}`,
      )
    } catch {
      // Some browsers throw when replaceState is called too often; the next change will retry.
    }
  }, [])
  useEffect(
    () => () => {
      if (pending.current !== null) clearTimeout(pending.current)
    },
    [],
  )
  return useCallback(
    (state: ShareState, playing: boolean) => {
      latest.current = state
      if (!playing) {
        if (pending.current !== null) clearTimeout(pending.current)
        write()
        return
      }
      if (pending.current !== null) return
      const wait = Math.max(0, PLAYING_INTERVAL_MS - (performance.now() - last.current))
      pending.current = window.setTimeout(write, wait)
    },
    [write],
  )
}
