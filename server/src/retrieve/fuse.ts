/**
 * Weighted reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): BM25 scores and
 * cosine similarities live on different scales, ranks do not. k = 60 is the paper's constant;
 * the weights let a weak ranker (the offline hashed embedder) count less than a strong one.
 */
export function reciprocalRankFusion(rankings: ReadonlyArray<{ ids: readonly number[]; weight: number }>, k = 60): Map<number, number> {
  const fused = new Map<number, number>();
  for (const { ids, weight } of rankings) {
    ids.forEach((id, rank) => fused.set(id, (fused.get(id) ?? 0) + weight / (k + rank + 1)));
  }
  return fused;
}
