/**
 * What presentation clickers send, and what each key does while presenting. Clickers (Logitech,
 * Kensington, phone remotes) send PageDown / PageUp for next / previous, some arrows or Space; the
 * "blank screen" button sends "." or "b" (PowerPoint's black-screen keys), so those blank the screen
 * here too instead of stepping.
 */
export type PresentAction = 'forward' | 'back' | 'blank' | 'exit' | 'playPause' | 'reset' | 'fullscreen'

const KEYS: Readonly<Record<string, PresentAction>> = {
  PageDown: 'forward',
  ArrowRight: 'forward',
  ArrowDown: 'forward',
  ' ': 'forward',
  PageUp: 'back',
  ArrowLeft: 'back',
  ArrowUp: 'back',
  '.': 'blank',
  b: 'blank',
  B: 'blank',
  Escape: 'exit',
  k: 'playPause',
  K: 'playPause',
  Home: 'reset',
  f: 'fullscreen',
  F: 'fullscreen',
}

export function presentAction(key: string): PresentAction | null {
  return KEYS[key] ?? null
}

/** Typing places keep their keys. */
export function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  return (
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    (tag === 'INPUT' && !['checkbox', 'radio', 'button', 'range'].includes((target as HTMLInputElement).type))
  )
}
