import { useEffect } from 'react'
import type { RefObject } from 'react'
import type { StoreApi } from 'zustand/vanilla'
import type { SimStore } from '../store/createSimStore'

/** Elements where these keys already mean something (typing, sliders, selects, buttons for Space). */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type
    return type !== 'checkbox' && type !== 'radio' ? true : key === ' '
  }
  if (key === ' ' || key === 'Enter')
    return (
      tag === 'BUTTON' ||
      tag === 'A' ||
      target.getAttribute('role') === 'button' ||
      target.getAttribute('role') === 'tab'
    )
  return target.getAttribute('role') === 'tab' || target.getAttribute('role') === 'slider'
}

/**
 * Space play/pause, ArrowRight / PageDown / "." a beat forward, ArrowLeft / PageUp a beat back,
 * Shift+ArrowRight / Shift+ArrowLeft one single step (occurrence), Home reset to step 0 (also what
 * presentation clickers send). Listens on the visualizer root, or the window for
 * the standalone app; never while focus is in a text field.
 */
export function useKeyboard(
  store: StoreApi<SimStore>,
  root: RefObject<HTMLElement | null>,
  scope: 'root' | 'window',
): void {
  useEffect(() => {
    const el: HTMLElement | Window | null = scope === 'window' ? window : root.current
    if (!el) return
    const onKey = (e: Event) => {
      const k = e as KeyboardEvent
      if (k.defaultPrevented || k.altKey || k.ctrlKey || k.metaKey || ownsKey(k.target, k.key)) return
      const a = store.getState()
      const actions: Record<string, () => void> = {
        ' ': () => a.togglePlay(),
        ArrowRight: () => a.stepForward(),
        PageDown: () => a.stepForward(),
        '.': () => a.stepForward(),
        ArrowLeft: () => a.stepBack(),
        PageUp: () => a.stepBack(),
        Home: () => a.reset(),
      }
      const act =
        k.shiftKey && k.key === 'ArrowRight'
          ? () => a.fineForward()
          : k.shiftKey && k.key === 'ArrowLeft'
            ? () => a.fineBack()
            : actions[k.key]
      if (!act) return
      k.preventDefault()
      act()
    }
    el.addEventListener('keydown', onKey)
    return () => el.removeEventListener('keydown', onKey)
  }, [store, root, scope])
}
