/** Summary of a latency sample in milliseconds. */
export interface Latency {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Percentiles by the nearest-rank method (no interpolation: every value was really observed). */
export function summarise(samples: readonly number[]): Latency {
  if (samples.length === 0) return { n: 0, mean: NaN, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return { n: sorted.length, mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, p50: rank(50), p95: rank(95), p99: rank(99), max: sorted.at(-1)! };
}

/** Times `run` once per item (after `warmup` untimed calls) and summarises the milliseconds. */
export async function timeEach<T>(items: readonly T[], run: (item: T) => unknown, warmup: readonly T[] = []): Promise<Latency> {
  for (const item of warmup) await run(item);
  const samples: number[] = [];
  for (const item of items) {
    const started = performance.now();
    await run(item);
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}
