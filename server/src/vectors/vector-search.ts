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

/**
 * The same search behind a network call (Cloudflare Vectorize, vectors/vectorize.ts): answered
 * asynchronously. The retriever accepts either.
 */
export interface RemoteVectorSearch {
  readonly size: number;
  search(query: Float32Array, k: number): Promise<VectorHit[]>;
}
