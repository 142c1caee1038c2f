import hnswlib from 'hnswlib-node';
import type { VectorSearch } from '@auskunft/server';

/** Opens the index's HNSW file with hnswlib-node, as the Node server does. */
export async function loadVectors(path: string, dimension: number, ef = 100): Promise<VectorSearch> {
  const index = new hnswlib.HierarchicalNSW('cosine', dimension);
  await index.readIndex(path);
  index.setEf(ef);
  const size = index.getCurrentCount();
  return {
    size,
    search(query, k) {
      const n = Math.min(k, size);
      if (n === 0) return [];
      const { neighbors, distances } = index.searchKnn(Array.from(query), n);
      return neighbors.map((id, i) => ({ id, similarity: 1 - distances[i]! }));
    },
  };
}
