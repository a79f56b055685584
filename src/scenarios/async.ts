import dlqWriteFails from './presets/async-dlq-write-fails.json'
import duplicates from './presets/async-duplicate-delivery.json'
import noRetries from './presets/async-no-retries.json'
import onSuccess from './presets/async-on-success.json'
import reservedZero from './presets/async-reserved-zero.json'
import retries from './presets/async-retries.json'
import throttled from './presets/async-throttled-backoff.json'
import timeoutRetry from './presets/async-timeout-retry.json'

/** Shipped asynchronous presets (raw scenario files, validated by the presets test). */
export const ASYNC_PRESETS: readonly unknown[] = [
  retries,
  noRetries,
  timeoutRetry,
  throttled,
  reservedZero,
  onSuccess,
  duplicates,
  dlqWriteFails,
]
