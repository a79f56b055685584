/**
 * Generated cases per input kind in each fuzz file (docs/TESTING.md, "Fuzzing"). 10,000 in every
 * `npm test`; `FUZZ_RUNS=100000 npx vitest run src/fuzz` runs more, `FUZZ_SEED=<n>` replays a seed.
 */
const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {}

export const FUZZ_RUNS = Math.max(1, Number.parseInt(env.FUZZ_RUNS ?? '', 10) || 10000)

const seed = Number.parseInt(env.FUZZ_SEED ?? '', 10)

/** fast-check parameters for one fuzz property. */
export const fuzzParams = { numRuns: FUZZ_RUNS, ...(Number.isSafeInteger(seed) ? { seed } : {}) }
