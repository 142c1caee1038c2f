/**
 * Seeded pseudo-random numbers (mulberry32): the same seed gives the same corpus and queries on
 * every machine, so cached indexes stay valid and runs are comparable. Not for cryptography.
 */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** Integer in [0, n). */
    int: (n: number): number => Math.floor(next() * n),
    /** Integer in [min, max]. */
    between: (min: number, max: number): number => min + Math.floor(next() * (max - min + 1)),
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    chance: (p: number): boolean => next() < p,
  };
}

export type Random = ReturnType<typeof createRandom>;

/**
 * Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^s (Zipf's law, s ≈ 1 for word frequencies),
 * by binary search over the cumulative weights.
 */
export function createZipf(n: number, s = 1) {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) cumulative[rank] = total += 1 / Math.pow(rank + 1, s);
  return (random: Random): number => {
    const target = random.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
