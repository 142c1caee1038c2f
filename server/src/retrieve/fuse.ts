/**
 * Weighted reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): BM25 scores and
 * cosine similarities live on different scales, ranks do not. k = 60 is the paper's constant;
 * the weights let a weak ranker (the offline hashed embedder) count less than a strong one.
 * Measured against a convex combination (α · BM25 / max BM25 + (1 − α) · cosine, Bruch et al.
 * 2023) on eval/questions.json: RRF reached MRR@10 0.950, the convex combination 0.939–0.952 for
 * α from 0.2 to 0.8. No better, and its best α depends on the embedder's similarity scale, so RRF
 * stays: it needs no tuning when a site switches to a real model.
 */
export function reciprocalRankFusion(rankings: ReadonlyArray<{ ids: readonly number[]; weight: number }>, k = 60): Map<number, number> {
  const fused = new Map<number, number>();
  for (const { ids, weight } of rankings) {
    ids.forEach((id, rank) => fused.set(id, (fused.get(id) ?? 0) + weight / (k + rank + 1)));
  }
  return fused;
}
