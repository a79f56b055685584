/** The first frame's moved inline styles (vite.config.ts, lem-first-frame; empty in dev). */
declare module 'virtual:lem-first-frame.css'
