import 'virtual:lem-first-frame.css'

/**
 * The app's entry, kept tiny. index.html holds the default first frame (rendered at build time:
 * vite.config.ts, lem-first-frame), and a page is painted only after the scripts it runs at load.
 * So when that frame is shown, the app itself (boot.tsx, its modules already preloaded by
 * index.html) is evaluated and rendered after the frame's first paint; otherwise (first-frame.js
 * hid it, the dev server, a background tab) at once.
 */
const boot = () => import('./boot')
const shown =
  document.getElementById('root')?.hasAttribute('data-first-frame') === true &&
  document.documentElement.getAttribute('data-first-frame') !== 'off' &&
  document.visibilityState === 'visible'
// A frame callback runs before the paint; a task queued from it, after.
if (shown) requestAnimationFrame(() => setTimeout(() => void boot()))
else void boot()
