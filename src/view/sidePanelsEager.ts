// The custom element's side panels (see sidePanels.ts): imported, not loaded lazily.
export { EventLog } from './EventLog'
export { KnobsPanel } from './KnobsPanel'
