import hnswlib from 'hnswlib-node';

export interface HnswBuildOptions {
  m: number;
  efConstruction: number;
}

/**
 * Writes an HNSW graph over the passage vectors (label = passage id) with hnswlib's own file
 * layout, which the server reads with hnswlib-node (or a plain reader on runtimes without
 * native addons). The seed is fixed so the same input gives the same graph.
 */
export async function writeHnswIndex(path: string, vectors: readonly Float32Array[], dimension: number, options: HnswBuildOptions): Promise<void> {
  const index = new hnswlib.HierarchicalNSW('cosine', dimension);
  index.initIndex({ maxElements: Math.max(1, vectors.length), m: options.m, efConstruction: options.efConstruction, randomSeed: 100 });
  // hnswlib-node rejects typed arrays, hence Array.from.
  vectors.forEach((vector, label) => index.addPoint(Array.from(vector), label));
  await index.writeIndex(path);
}
