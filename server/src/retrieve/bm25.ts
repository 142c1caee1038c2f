import type { LexicalIndex } from '@auskunft/core';
import type { QueryGroup } from './expand-query.js';

export interface LexicalHit {
  id: number;
  score: number;
}

// Robertson/Sparck Jones defaults, as in Lucene.
const K1 = 1.2;
const B = 0.75;

/** BM25 over the postings written by the crawler. */
export function createBm25(index: LexicalIndex) {
  const idf = (term: string): number => {
    const postings = index.postings[term];
    const df = postings ? postings.length / 2 : 0;
    // The "+1" form (Lucene) keeps idf positive for terms in more than half the passages.
    return Math.log(1 + (index.passageCount - df + 0.5) / (df + 0.5));
  };
  /** The idf of a term the index has never seen: it is what the user asked about. */
  const maxIdf = Math.log(1 + (index.passageCount + 0.5) / 0.5);
  const termFrequency = (term: string, id: number): number => {
    const postings = index.postings[term];
    if (!postings) return 0;
    // Postings are sorted by id: binary search over the even positions.
    let lo = 0;
    let hi = postings.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = postings[mid * 2]!;
      if (at === id) return postings[mid * 2 + 1]!;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  };
  /** How much a group weighs in coverage: the idf of the word itself, else of its best stand-in. */
  const groupIdf = (group: QueryGroup): number => {
    const best = [...group.alternatives].sort((a, b) => b.weight - a.weight)[0];
    return best ? idf(best.term) : maxIdf;
  };

  return {
    idf,
    maxIdf,
    termFrequency,
    has(term: string): boolean {
      return Object.hasOwn(index.postings, term);
    },
    /**
     * Dis-max BM25: per group the best-scoring alternative (times its weight), summed over groups
     * (times the group weight). `accept` filters passages (prefix, language) before ranking.
     */
    search(groups: readonly QueryGroup[], limit: number, accept?: (id: number) => boolean): LexicalHit[] {
      const scores = new Map<number, number>();
      for (const group of groups) {
        const best = new Map<number, number>();
        for (const alternative of group.alternatives) {
          const postings = index.postings[alternative.term];
          if (!postings) continue;
          const weight = idf(alternative.term) * alternative.weight;
          for (let i = 0; i < postings.length; i += 2) {
            const id = postings[i]!;
            if (accept && !accept(id)) continue;
            const tf = postings[i + 1]!;
            const norm = tf + K1 * (1 - B + (B * index.lengths[id]!) / (index.averageLength || 1));
            const score = (weight * (tf * (K1 + 1))) / norm;
            if (score > (best.get(id) ?? 0)) best.set(id, score);
          }
        }
        for (const [id, score] of best) scores.set(id, (scores.get(id) ?? 0) + score * group.weight);
      }
      return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit);
    },
    /**
     * IDF-weighted share of the query's groups a passage contains (0..1); a group found only
     * through a synonym, a compound or a typo counts with that alternative's weight.
     */
    coverage(groups: readonly QueryGroup[], id: number): number {
      let total = 0;
      let found = 0;
      for (const group of groups) {
        const weight = groupIdf(group) * group.weight;
        total += weight;
        let matched = 0;
        for (const alternative of group.alternatives) {
          if (alternative.weight > matched && termFrequency(alternative.term, id) > 0) matched = alternative.weight;
        }
        found += weight * matched;
      }
      return total > 0 ? found / total : 0;
    },
  };
}

export type Bm25 = ReturnType<typeof createBm25>;
