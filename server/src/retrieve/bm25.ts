import type { LexicalIndex } from '@auskunft/core';

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
  return {
    idf,
    has(term: string): boolean {
      return Object.hasOwn(index.postings, term);
    },
    /** Passage ids containing the term (weighted tf), for coverage checks. */
    termFrequency(term: string, id: number): number {
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
    },
    search(terms: readonly string[], limit: number): LexicalHit[] {
      const scores = new Map<number, number>();
      for (const term of new Set(terms)) {
        const postings = index.postings[term];
        if (!postings) continue;
        const weight = idf(term);
        for (let i = 0; i < postings.length; i += 2) {
          const id = postings[i]!;
          const tf = postings[i + 1]!;
          const norm = tf + K1 * (1 - B + (B * index.lengths[id]!) / (index.averageLength || 1));
          scores.set(id, (scores.get(id) ?? 0) + (weight * (tf * (K1 + 1))) / norm);
        }
      }
      return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit);
    },
  };
}

export type Bm25 = ReturnType<typeof createBm25>;
