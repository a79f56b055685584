import { lazy } from 'react'

// Not in the first view (Metrics is the open tab): loaded when their tab is first opened, so the
// app's first load stays within its budget. The custom element, one script with no chunks to
// load, takes sidePanelsEager.ts instead (vite.element.config.ts): a lazy import there only adds
// the bundler's chunk emulation.
export const KnobsPanel = lazy(() => import('./KnobsPanel').then((m) => ({ default: m.KnobsPanel })))
export const EventLog = lazy(() => import('./EventLog').then((m) => ({ default: m.EventLog })))
