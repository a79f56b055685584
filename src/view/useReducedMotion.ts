import { useSyncExternalStore } from 'react'

const QUERY = '(prefers-reduced-motion: reduce)'

// One query list for the page: its state is read at every render of every glide's owner, and
// making a new one each time (matchMedia) showed in the profile of a fast play.
let list: MediaQueryList | null = null
const queryList = (): MediaQueryList | null => (typeof matchMedia === 'function' ? (list ??= matchMedia(QUERY)) : null)

function subscribe(changed: () => void): () => void {
  const m = queryList()
  m?.addEventListener('change', changed)
  return () => m?.removeEventListener('change', changed)
}

const current = (): boolean => queryList()?.matches ?? false

/**
 * The reader's "reduce motion" setting, followed live. On the server (and where there is no
 * matchMedia) it reads as not set: the first frame is still, and a glide needs a change anyway.
 */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, current, () => false)
}
