/**
 * A small seeded generator (mulberry32, Tommy Ettinger, public domain) for reproducible random
 * data in tests, fuzzing and the benchmark's traffic; Math.random cannot be seeded. Not for
 * anything cryptographic.
 */

/** Returns a function yielding floats in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n) from `random`. */
export function randomInt(random: () => number, n: number): number {
  return Math.floor(random() * n);
}
