/** A passage found by vector search, with its cosine similarity to the query (1 = identical). */
export interface VectorHit {
  id: number;
  similarity: number;
}

/**
 * Nearest-neighbour search over the passage vectors. hnswlib-node implements it on Node; a plain
 * reader of the same file can implement it where native addons cannot run.
 */
export interface VectorSearch {
  readonly size: number;
  search(query: Float32Array, k: number): VectorHit[];
}
