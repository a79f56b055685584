import basics from './presets/sync-basics.json'
import burst from './presets/sync-burst-scaling.json'
import callerTimeout from './presets/sync-caller-timeout.json'
import functionTimeout from './presets/sync-function-timeout.json'
import provisioned from './presets/sync-provisioned.json'
import throttled from './presets/sync-throttled.json'

/** Shipped synchronous presets (raw scenario files, validated by the presets test). */
export const SYNC_PRESETS: readonly unknown[] = [basics, throttled, callerTimeout, functionTimeout, burst, provisioned]
