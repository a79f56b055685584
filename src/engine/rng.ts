/**
 * Seeded PRNG (mulberry32). Its whole state is one uint32 kept inside SimState, so every
 * snapshot is self-contained and a run is reproducible from the scenario and seed alone.
 */
export function nextRandom(rng: number): [value: number, next: number] {
  const next = (rng + 0x6d2b79f5) >>> 0
  let t = next
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296
  return [value, next]
}

/** Whole number in [min, max], drawn from the state's RNG. Returns the advanced RNG. */
export function randomInt(rng: number, min: number, max: number): [value: number, next: number] {
  const [u, next] = nextRandom(rng)
  return [min + Math.floor(u * (max - min + 1)), next]
}
