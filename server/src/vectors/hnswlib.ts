import hnswlib from 'hnswlib-node';
import type { VectorHit, VectorSearch } from './vector-search.js';

/** Loads the index's HNSW file with hnswlib-node (native, Node only). */
export async function loadHnswlibSearch(path: string, dimension: number, ef: number): Promise<VectorSearch> {
  const index = new hnswlib.HierarchicalNSW('cosine', dimension);
  await index.readIndex(path);
  index.setEf(ef);
  const size = index.getCurrentCount();
  return {
    size,
    search(query, k): VectorHit[] {
      const n = Math.min(k, size);
      if (n === 0) return [];
      // hnswlib-node accepts plain arrays only.
      const { neighbors, distances } = index.searchKnn(Array.from(query), n);
      return neighbors.map((id, i) => ({ id, similarity: 1 - distances[i]! }));
    },
  };
}
