import type { RemoteVectorSearch, VectorHit } from './vector-search.js';

/**
 * The part of a Cloudflare Vectorize index binding (`env.VECTORIZE` in a Worker, Vectorize V2)
 * that search needs, as documented at developers.cloudflare.com/vectorize/reference/client-api/.
 * Declared here so the server does not depend on @cloudflare/workers-types.
 */
export interface VectorizeIndexBinding {
  query(
    vector: Float32Array | number[],
    options: { topK: number; namespace?: string; returnValues?: boolean; returnMetadata?: 'none' | 'indexed' | 'all' },
  ): Promise<{ count: number; matches: Array<{ id: string; score: number }> }>;
}

/** Vectorize returns at most 100 matches when neither values nor metadata are requested (limits, 2026). */
export const VECTORIZE_MAX_TOP_K = 100;

/**
 * Vector ids and namespaces follow the index version: each `auskunft crawl` renumbers passages,
 * so the vectors of a new version go into a namespace of their own (the version name) with ids
 * "<version>/<passage id>", and a Worker still serving the previous version never sees them.
 */
export function vectorizeId(version: string, passageId: number): string {
  return `${version}/${passageId}`;
}

/**
 * Nearest neighbours from a Cloudflare Vectorize index (cosine metric) holding the vectors of
 * index version `version`, exported with `auskunft export-vectorize`. Vectorize's score for the
 * cosine metric is the cosine similarity, which is what `VectorHit.similarity` means.
 *
 * Limits: at most 100 neighbours per query, so a filtered search (which over-fetches) gets fewer
 * vector candidates than on Node; every search is a network round trip inside Cloudflare;
 * inserted vectors become searchable asynchronously (seconds to minutes).
 *
 * @example createVectorizeSearch(env.VECTORIZE, { version: manifest.version, size: manifest.counts.passages })
 */
export function createVectorizeSearch(binding: VectorizeIndexBinding, options: { version: string; size: number }): RemoteVectorSearch {
  const prefix = `${options.version}/`;
  return {
    size: options.size,
    async search(query, k): Promise<VectorHit[]> {
      const topK = Math.min(k, VECTORIZE_MAX_TOP_K, options.size);
      if (topK <= 0) return [];
      const { matches } = await binding.query(query, { topK, namespace: options.version, returnValues: false, returnMetadata: 'none' });
      const hits: VectorHit[] = [];
      for (const match of matches) {
        // Anything else in the namespace (a stale or foreign vector) cannot name a passage of this version.
        if (!match.id.startsWith(prefix)) continue;
        const id = Number(match.id.slice(prefix.length));
        if (Number.isInteger(id) && id >= 0 && id < options.size) hits.push({ id, similarity: match.score });
      }
      return hits.sort((a, b) => b.similarity - a.similarity || a.id - b.id);
    },
  };
}
