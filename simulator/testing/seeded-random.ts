// A seeded pseudo-random generator (mulberry32): small, fast, reproducible; for synthetic data
// (fixtures/generator) and fuzz tests, never for anything secret.
export type Random = () => number;

/** Numbers in [0, 1) from any 32-bit integer `seed`, the same sequence for the same seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
