/** Full screen where the browser allows it; refusals (no user gesture, iframes, iOS) are fine. */
export function enterFullscreen(): void {
  const el = document.documentElement
  if (document.fullscreenElement || typeof el.requestFullscreen !== 'function') return
  try {
    el.requestFullscreen().catch(() => {})
  } catch {
    // Refused: presentation mode still fills the window.
  }
}

export function leaveFullscreen(): void {
  if (!document.fullscreenElement || typeof document.exitFullscreen !== 'function') return
  document.exitFullscreen().catch(() => {})
}
