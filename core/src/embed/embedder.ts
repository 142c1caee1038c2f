/**
 * What texts are embedded for. Asymmetric models (e5, bge) want different prefixes for queries
 * and passages; symmetric ones ignore the distinction.
 */
export type EmbedPurpose = 'query' | 'passage';

/**
 * Turns texts into unit-length vectors. The same embedder (same `id`) must serve index time and
 * query time; the index manifest records the id and the server refuses to mix them.
 */
export interface Embedder {
  /** Stable identifier recorded in the manifest, e.g. `auskunft-hashed-ngrams-v1@512`. */
  readonly id: string;
  /** Vector length. For remote models it is known after the first call (see `resolveDimension`). */
  readonly dimension: number | undefined;
  embed(texts: readonly string[], purpose: EmbedPurpose): Promise<Float32Array[]>;
}

/** Scales a vector to unit length in place, so cosine similarity is a dot product. */
export function normalizeVector(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const v of vector) sum += v * v;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}
