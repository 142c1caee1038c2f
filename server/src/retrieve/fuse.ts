/**
 * Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): BM25 scores and cosine
 * similarities live on different scales, ranks do not. k = 60 is the paper's constant.
 */
export function reciprocalRankFusion(rankings: ReadonlyArray<readonly number[]>, k = 60): Map<number, number> {
  const fused = new Map<number, number>();
  for (const ranking of rankings) {
    ranking.forEach((id, rank) => fused.set(id, (fused.get(id) ?? 0) + 1 / (k + rank + 1)));
  }
  return fused;
}
