/**
 * The browsers every build's CSS is written for (`build.cssTarget`; Lightning CSS minifies to it).
 * Below Chrome 123, Firefox 120 and Safari 17.5 it lowers the theme's `light-dark()` into custom
 * properties switched by `color-scheme`, so the palette is written once (src/view/styles.css) and
 * still works there. Vite 8's own default baseline, pinned so a later default past those versions
 * cannot silently drop the lowering. The real floor is `color-mix()` with var() (stage.css), which
 * nothing can lower: README, "Embedding".
 */
export const CSS_TARGET = ['chrome111', 'edge111', 'firefox114', 'safari16.4', 'ios16.4']
