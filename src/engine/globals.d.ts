/**
 * Defined `true` by the custom element's build only (vite.element.config.ts); undefined everywhere
 * else, so a check of it reads `typeof __LEM_ELEMENT__ !== 'undefined' && __LEM_ELEMENT__`. It
 * lets the minifier drop code the element never runs (the CLI's packed report) from its budget.
 */
declare const __LEM_ELEMENT__: boolean | undefined
