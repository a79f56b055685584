import { useSyncExternalStore } from 'react'

const QUERY = '(prefers-reduced-motion: reduce)'

function subscribe(changed: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => {}
  const m = matchMedia(QUERY)
  m.addEventListener('change', changed)
  return () => m.removeEventListener('change', changed)
}

// One query list for the page: reading it is asked at every render of every glide's owner, and
// making a new one each time (matchMedia) showed in the profile of a fast play.
let list: MediaQueryList | null = null
const current = (): boolean => {
  if (typeof matchMedia !== 'function') return false
  list ??= matchMedia(QUERY)
  return list.matches
}

/**
 * The reader's "reduce motion" setting, followed live. On the server (and where there is no
 * matchMedia) it reads as not set: the first frame is still, and a glide needs a change anyway.
 */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, current, () => false)
}
