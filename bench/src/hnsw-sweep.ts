import hnswlib from 'hnswlib-node';
import type { VectorHit, VectorSearch } from '@auskunft/server';

/**
 * The index's HNSW file opened once with a settable ef, for the recall sweep (the server's own
 * loader fixes ef at start-up).
 */
export async function openHnswSweep(path: string, dimension: number) {
  const index = new hnswlib.HierarchicalNSW('cosine', dimension);
  await index.readIndex(path);
  const size = index.getCurrentCount();
  return {
    size,
    setEf: (ef: number) => index.setEf(ef),
    search(query: Float32Array, k: number): VectorHit[] {
      const { neighbors, distances } = index.searchKnn(Array.from(query), Math.min(k, size));
      return neighbors.map((id, i) => ({ id, similarity: 1 - distances[i]! }));
    },
  };
}

/** The HNSW file opened as the Node server opens it (hnswlib-node, fixed ef). */
export async function loadHnswlib(path: string, dimension: number, ef: number): Promise<VectorSearch> {
  const sweep = await openHnswSweep(path, dimension);
  sweep.setEf(ef);
  return { size: sweep.size, search: sweep.search };
}
