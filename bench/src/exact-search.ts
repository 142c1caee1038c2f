import { readFile } from 'node:fs/promises';
import type { VectorHit, VectorSearch } from '@auskunft/server';

/**
 * Exact nearest neighbours by scanning every vector: the ground truth for HNSW recall and the
 * "brute force" peer in the comparison. Vectors are unit length, so cosine is the dot product.
 */
export function createExactSearch(vectors: Float32Array, dimension: number): VectorSearch {
  const size = vectors.length / dimension;
  if (!Number.isInteger(size)) throw new RangeError(`${vectors.length} numbers are not a whole number of ${dimension}-dimensional vectors`);
  return {
    size,
    search(query, k): VectorHit[] {
      const n = Math.min(k, size);
      // Keep the best n in a small sorted array: n is at most a few hundred, a heap would not pay off.
      const ids = new Int32Array(n).fill(-1);
      const sims = new Float64Array(n).fill(-Infinity);
      for (let id = 0, offset = 0; id < size; id++, offset += dimension) {
        let dot = 0;
        for (let d = 0; d < dimension; d++) dot += vectors[offset + d]! * query[d]!;
        if (dot <= sims[n - 1]!) continue;
        let at = n - 1;
        while (at > 0 && sims[at - 1]! < dot) {
          sims[at] = sims[at - 1]!;
          ids[at] = ids[at - 1]!;
          at--;
        }
        sims[at] = dot;
        ids[at] = id;
      }
      const hits: VectorHit[] = [];
      for (let i = 0; i < n; i++) if (ids[i]! >= 0) hits.push({ id: ids[i]!, similarity: sims[i]! });
      return hits;
    },
  };
}

/** Reads the raw vectors the bench build keeps beside its index (little-endian float32). */
export async function readVectorsFile(path: string): Promise<Float32Array> {
  const bytes = await readFile(path);
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}
