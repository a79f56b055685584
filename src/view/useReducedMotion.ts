import { useSyncExternalStore } from 'react'

const QUERY = '(prefers-reduced-motion: reduce)'

function subscribe(changed: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => {}
  const m = matchMedia(QUERY)
  m.addEventListener('change', changed)
  return () => m.removeEventListener('change', changed)
}

const current = (): boolean => typeof matchMedia === 'function' && matchMedia(QUERY).matches

/**
 * The reader's "reduce motion" setting, followed live. On the server (and where there is no
 * matchMedia) it reads as not set: the first frame is still, and a glide needs a change anyway.
 */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, current, () => false)
}
