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
  const count = index.passageCount;
  // The length part of BM25's denominator, once per passage instead of once per posting.
  const lengthNorm = new Float64Array(count);
  for (let id = 0; id < count; id++) lengthNorm[id] = K1 * (1 - B + (B * index.lengths[id]!) / (index.averageLength || 1));
  // Scratch space of `search`, reused by every query: scores by passage id in typed arrays
  // instead of Maps (at 100,000 passages a common word has tens of thousands of postings, and
  // Map updates plus their garbage were most of the search time). Safe to share because `search`
  // is synchronous: one query uses it from start to end.
  const total = new Float64Array(count);
  const best = new Float64Array(count);
  const scored = new Uint8Array(count);
  const inGroup = new Uint8Array(count);
  const scoredIds = new Int32Array(count);
  const groupIds = new Int32Array(count);
  // Coverage of every scored passage, gathered in the same pass over the postings: per group the
  // best alternative weight a passage holds (`matched`), summed over groups (`found`).
  const matched = new Float64Array(count);
  const found = new Float64Array(count);

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
  const groupIdfs = new WeakMap<QueryGroup, number>();
  const groupIdf = (group: QueryGroup): number => {
    let value = groupIdfs.get(group);
    if (value === undefined) {
      const best = [...group.alternatives].sort((a, b) => b.weight - a.weight)[0];
      value = best ? idf(best.term) : maxIdf;
      groupIdfs.set(group, value);
    }
    return value;
  };

  /**
   * Dis-max BM25: per group the best-scoring alternative (times its weight), summed over groups
   * (times the group weight). `accept` filters passages (prefix, language) before ranking.
   */
  const searchPass = (groups: readonly QueryGroup[], limit: number, accept: ((id: number) => boolean) | undefined, coverageOf?: Iterable<number>) => {
    let scoredCount = 0;
    let groupCount = 0;
    let coverageTotal = 0;
    try {
      for (const group of groups) {
        groupCount = 0;
        for (const alternative of group.alternatives) {
          const postings = index.postings[alternative.term];
          if (!postings) continue;
          const weight = idf(alternative.term) * alternative.weight;
          for (let i = 0; i < postings.length; i += 2) {
            const id = postings[i]!;
            if (accept && !accept(id)) continue;
            const tf = postings[i + 1]!;
            const score = (weight * (tf * (K1 + 1))) / (tf + lengthNorm[id]!);
            if (!inGroup[id]) {
              inGroup[id] = 1;
              groupIds[groupCount++] = id;
              best[id] = score;
              matched[id] = 0;
            } else if (score > best[id]!) best[id] = score;
            if (tf > 0 && alternative.weight > matched[id]!) matched[id] = alternative.weight;
          }
        }
        const coverageWeight = coverageOf ? groupIdf(group) * group.weight : 0;
        coverageTotal += coverageWeight;
        for (let j = 0; j < groupCount; j++) {
          const id = groupIds[j]!;
          if (!scored[id]) {
            scored[id] = 1;
            scoredIds[scoredCount++] = id;
          }
          total[id] = total[id]! + best[id]! * group.weight;
          found[id] = found[id]! + coverageWeight * matched[id]!;
          inGroup[id] = 0;
          best[id] = 0;
          matched[id] = 0;
        }
        groupCount = 0;
      }
      const hits = topHits(scoredIds, scoredCount, total, limit);
      const coverage = new Map<number, number>();
      if (coverageOf) {
        // A passage no alternative reached holds none of the query's words: coverage 0.
        const share = (id: number) => (coverageTotal > 0 && scored[id] ? found[id]! / coverageTotal : 0);
        for (const hit of hits) coverage.set(hit.id, share(hit.id));
        for (const id of coverageOf) coverage.set(id, share(id));
      }
      return { hits, coverage };
    } finally {
      // Leave the scratch space clean for the next query, also when `accept` threw.
      for (let j = 0; j < groupCount; j++) {
        inGroup[groupIds[j]!] = 0;
        best[groupIds[j]!] = 0;
        matched[groupIds[j]!] = 0;
      }
      for (let j = 0; j < scoredCount; j++) {
        const id = scoredIds[j]!;
        scored[id] = 0;
        total[id] = 0;
        found[id] = 0;
      }
    }
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
      return searchPass(groups, limit, accept).hits;
    },
    /**
     * `search`, and in the same pass over the postings the `coverage` of the hits and of `alsoIds`
     * (other rankers' candidates that passed the same `accept`): equal to calling `coverage` for
     * each, without a binary search per passage, group and alternative.
     */
    searchWithCoverage(groups: readonly QueryGroup[], limit: number, accept: ((id: number) => boolean) | undefined, alsoIds: Iterable<number>) {
      return searchPass(groups, limit, accept, alsoIds);
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

/**
 * The `limit` best of `count` scored ids, by score and then id (the order a full sort would
 * give), kept in a small min-heap: a query matching 50,000 passages needs its best 50, and
 * sorting all of them took longer than scoring them.
 */
function topHits(ids: Int32Array, count: number, scores: Float64Array, limit: number): LexicalHit[] {
  if (limit <= 0) return [];
  // `worse(a, b)`: a ranks below b.
  const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const heap: number[] = [];
  const siftDown = (at: number) => {
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && worse(heap[left]!, heap[worst]!)) worst = left;
      if (right < heap.length && worse(heap[right]!, heap[worst]!)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  for (let j = 0; j < count; j++) {
    const id = ids[j]!;
    if (heap.length < limit) {
      heap.push(id);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!worse(heap[at]!, heap[parent]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (worse(heap[0]!, id)) {
      heap[0] = id;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => scores[b]! - scores[a]! || a - b).map((id) => ({ id, score: scores[id]! }));
}

export type Bm25 = ReturnType<typeof createBm25>;
