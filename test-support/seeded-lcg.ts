/**
 * A seeded generator of numbers in [0, 1) for randomised tests (the numerical recipes LCG), so a
 * failure can be replayed from its seed.
 */
export function seededLcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
