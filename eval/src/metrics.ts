import type { Question } from './questions.js';

/** What one system answered for one question. */
export interface Ranking {
  /** Page paths, best first. */
  pages: string[];
  /** Whether the system claims a hit it would stand behind (see each system's definition). */
  confident: boolean;
}

export interface Metrics {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  mrrAt10: number;
  ndcgAt10: number;
  /** In-scope questions without a confident hit (wrongly declined), share. */
  falseAbstention: number;
  /** Out-of-scope questions correctly left without a confident hit, share. */
  outOfScopeAbstention: number;
  inScope: number;
  outOfScope: number;
}

/**
 * Standard ranking metrics over page paths, averaged over the in-scope questions:
 * - Recall@k: the question counts as found when one of its expected pages is among the first k
 *   (the labels list alternative pages that each answer the question).
 * - MRR@10: 1 / rank of the first expected page, 0 beyond rank 10.
 * - nDCG@10: binary gains, every expected page relevant, ideal order = all of them first.
 * Out-of-scope questions only count for abstention: a system should give them no confident hit.
 */
export function computeMetrics(questions: readonly Question[], rankings: readonly Ranking[]): Metrics {
  let r1 = 0, r5 = 0, r10 = 0, mrr = 0, ndcg = 0, falseAbstain = 0, oosAbstain = 0, inScope = 0, outOfScope = 0;
  questions.forEach((question, i) => {
    const ranking = rankings[i]!;
    if (question.expected.length === 0) {
      outOfScope++;
      if (!ranking.confident) oosAbstain++;
      return;
    }
    inScope++;
    if (!ranking.confident) falseAbstain++;
    const relevant = new Set(question.expected);
    const top = ranking.pages.slice(0, 10);
    const first = top.findIndex((p) => relevant.has(p));
    if (first === 0) r1++;
    if (first >= 0 && first < 5) r5++;
    if (first >= 0) {
      r10++;
      mrr += 1 / (first + 1);
    }
    const dcg = top.reduce((sum, p, rank) => sum + (relevant.has(p) ? 1 / Math.log2(rank + 2) : 0), 0);
    let ideal = 0;
    for (let rank = 0; rank < Math.min(10, relevant.size); rank++) ideal += 1 / Math.log2(rank + 2);
    ndcg += dcg / ideal;
  });
  const per = (n: number) => (inScope ? n / inScope : 0);
  return {
    questions: questions.length,
    recallAt1: per(r1),
    recallAt5: per(r5),
    recallAt10: per(r10),
    mrrAt10: per(mrr),
    ndcgAt10: per(ndcg),
    falseAbstention: per(falseAbstain),
    outOfScopeAbstention: outOfScope ? oosAbstain / outOfScope : 0,
    inScope,
    outOfScope,
  };
}
