import { parseHnswFile, type HnswGraph } from './hnsw-file.js';
import type { VectorHit, VectorSearch } from './vector-search.js';

/**
 * HNSW search in plain TypeScript over a graph parsed from hnswlib's file, for runtimes without
 * native addons (Workers). It follows hnswlib's `searchKnn` step by step — greedy descent through
 * the upper levels, then a beam search of width max(ef, k) on level 0 — including its tie order,
 * so it returns what hnswlib-node returns for the same file (tested against it).
 */
export function createPlainHnswSearch(graph: HnswGraph, ef: number): VectorSearch {
  const { dimension, vectors, level0, maxM0, upper, maxM, labels, deleted } = graph;
  const stride0 = maxM0 + 1;
  const strideUp = maxM + 1;
  let visited = new Uint16Array(graph.count);
  let visitTag = 0;
  let live = 0;
  for (let i = 0; i < graph.count; i++) if (!deleted[i]) live++;

  // Four partial sums let the JIT overlap the multiplications; this loop is where search spends its time.
  const unrolled = dimension - (dimension % 4);
  const distance = (query: Float32Array, id: number): number => {
    const base = id * dimension;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let d = 0;
    for (; d < unrolled; d += 4) {
      s0 += query[d]! * vectors[base + d]!;
      s1 += query[d + 1]! * vectors[base + d + 1]!;
      s2 += query[d + 2]! * vectors[base + d + 2]!;
      s3 += query[d + 3]! * vectors[base + d + 3]!;
    }
    for (; d < dimension; d++) s0 += query[d]! * vectors[base + d]!;
    return 1 - (s0 + s1 + s2 + s3);
  };

  const nextVisitTag = (): number => {
    if (++visitTag === 0x10000) {
      visited = new Uint16Array(graph.count);
      visitTag = 1;
    }
    return visitTag;
  };

  const searchLevel0 = (query: Float32Array, entry: number, entryDistance: number, width: number): PairHeap => {
    const tag = nextVisitTag();
    // hnswlib keeps both queues as max-heaps of (distance, id) pairs, the candidates with negated
    // distance: equal distances therefore put the larger id on top in both.
    const results = new PairHeap(1);
    const candidates = new PairHeap(-1);
    const bare = live === graph.count;
    let lowerBound = Infinity;
    if (bare || !deleted[entry]) {
      lowerBound = entryDistance;
      results.push(entryDistance, entry);
    }
    candidates.push(bare || !deleted[entry] ? entryDistance : Infinity, entry);
    visited[entry] = tag;
    while (candidates.size > 0) {
      const candidateDistance = candidates.topDistance();
      // Without deleted elements hnswlib stops as soon as the nearest candidate is worse than the
      // worst result; otherwise only once the result set is also full.
      if (candidateDistance > lowerBound && (bare || results.size === width)) break;
      const current = candidates.pop();
      const slot = current * stride0;
      const links = level0[slot]!;
      for (let j = 1; j <= links; j++) {
        const neighbour = level0[slot + j]!;
        if (visited[neighbour] === tag) continue;
        visited[neighbour] = tag;
        const d = distance(query, neighbour);
        if (results.size < width || lowerBound > d) {
          candidates.push(d, neighbour);
          if (!deleted[neighbour]) results.push(d, neighbour);
          while (results.size > width) results.pop();
          if (results.size > 0) lowerBound = results.topDistance();
        }
      }
    }
    return results;
  };

  return {
    size: graph.count,
    search(query: Float32Array, k: number): VectorHit[] {
      if (k <= 0 || live === 0) return [];
      const q = normalized(query);
      let current = graph.entryPoint;
      let currentDistance = distance(q, current);
      for (let level = graph.maxLevel; level > 0; level--) {
        let changed = true;
        while (changed) {
          changed = false;
          const lists = upper[current]!;
          const slot = (level - 1) * strideUp;
          const links = lists[slot]!;
          for (let j = 1; j <= links; j++) {
            const candidate = lists[slot + j]!;
            const d = distance(q, candidate);
            if (d < currentDistance) {
              currentDistance = d;
              current = candidate;
              changed = true;
            }
          }
        }
      }
      const results = searchLevel0(q, current, currentDistance, Math.max(ef, k));
      while (results.size > k) results.pop();
      const hits: Array<{ distance: number; label: number }> = [];
      while (results.size > 0) {
        const d = results.topDistance();
        hits.push({ distance: d, label: labels[results.pop()]! });
      }
      // hnswlib-node orders its answer by (distance, label), best first.
      hits.sort((a, b) => a.distance - b.distance || a.label - b.label);
      return hits.map((h) => ({ id: h.label, similarity: 1 - h.distance }));
    },
  };
}

/** Parses an hnswlib file (bytes as written by `writeIndex`) and searches it in plain TypeScript. */
export function loadPlainHnswSearch(bytes: Uint8Array, dimension: number, ef: number, source?: string): VectorSearch {
  return createPlainHnswSearch(parseHnswFile(bytes, dimension, source), ef);
}

/** Unit length, as hnswlib-node's cosine space does with every query. */
function normalized(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  const scale = 1 / (Math.sqrt(sum) + 1e-30);
  const out = new Float32Array(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = vector[i]! * scale;
  return out;
}

/**
 * A binary heap of (distance, id) pairs. Written here rather than taken from a priority-queue
 * package because it must order pairs exactly like hnswlib's std::priority_queue (ties broken by
 * the larger id), which single-key queues such as flatqueue cannot express.
 * `sign` 1: largest distance on top; -1: smallest on top.
 */
class PairHeap {
  private distances: number[] = [];
  private ids: number[] = [];
  constructor(private readonly sign: 1 | -1) {}

  get size(): number {
    return this.ids.length;
  }

  topDistance(): number {
    return this.distances[0]!;
  }

  push(distance: number, id: number): void {
    let i = this.ids.length;
    this.distances.push(distance);
    this.ids.push(id);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes the top pair and returns its id. */
  pop(): number {
    const top = this.ids[0]!;
    const lastDistance = this.distances.pop()!;
    const lastId = this.ids.pop()!;
    const n = this.ids.length;
    if (n > 0) {
      this.distances[0] = lastDistance;
      this.ids[0] = lastId;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && this.above(right, left) ? right : left;
        if (!this.above(child, i)) break;
        this.swap(i, child);
        i = child;
      }
    }
    return top;
  }

  private above(a: number, b: number): boolean {
    const da = this.distances[a]!;
    const db = this.distances[b]!;
    return da === db ? this.ids[a]! > this.ids[b]! : this.sign * (da - db) > 0;
  }

  private swap(a: number, b: number): void {
    const distance = this.distances[a]!;
    this.distances[a] = this.distances[b]!;
    this.distances[b] = distance;
    const id = this.ids[a]!;
    this.ids[a] = this.ids[b]!;
    this.ids[b] = id;
  }
}
