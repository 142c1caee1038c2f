import type { Embedder, SynonymTable } from '@auskunft/core';
import { createRetriever, groupByPage, type RetrieveOptions, type Retriever } from '@auskunft/server';
import { loadHnswlibSearch, loadIndexFromDisk } from '@auskunft/server/node';
import type { SearchSystem } from './system.js';

/** The chat's default `chat.minCoverage`: below it Auskunft declines instead of answering. */
export const MIN_COVERAGE = 0.5;
/** The server's default `search.minVectorSimilarity`. */
export const MIN_VECTOR_SIMILARITY = 0.3;

/**
 * Auskunft's retriever over an index directory, once per configuration under test: each ranker
 * alone, lexical search with and without query expansion, and the hybrid the server uses.
 *
 * Confidence is the chat's rule: one of the three best passages covers at least `MIN_COVERAGE`
 * of the question's (IDF-weighted) words. Vectors alone have no word coverage; for them the best
 * passage's cosine similarity must reach `MIN_VECTOR_SIMILARITY`.
 */
export async function createAuskunftSystems(indexDir: string, embedder: Embedder, synonyms?: SynonymTable): Promise<SearchSystem[]> {
  const index = await loadIndexFromDisk(indexDir);
  const vectors = await loadHnswlibSearch(index.vectorsPath, index.manifest.embedder.dimension, 100);
  const retriever = createRetriever({
    passages: index.passages,
    lexical: index.lexical,
    vectors,
    embedder,
    minVectorSimilarity: MIN_VECTOR_SIMILARITY,
    vectorWeight: 0.5,
    ...(synonyms ? { synonyms } : {}),
  });
  const system = (name: string, options: RetrieveOptions): SearchSystem => ({
    name,
    search: (query) => rank(retriever, query, options),
  });
  return [
    system('BM25 alone (analysed terms)', { rankers: 'lexical', expand: false }),
    system('BM25 + expansion (compounds, typos, synonyms)', { rankers: 'lexical' }),
    system(`Vectors alone (${embedder.id})`, { rankers: 'vector' }),
    system('Hybrid (Auskunft default)', {}),
  ];
}

async function rank(retriever: Retriever, query: string, options: RetrieveOptions) {
  const retrieval = await retriever.retrieve(query, 40, options);
  const pages = groupByPage(retrieval.passages).map((page) => new URL(page.url).pathname);
  const top = retrieval.passages.slice(0, 3);
  const confident =
    options.rankers === 'vector'
      ? (top[0]?.similarity ?? 0) >= MIN_VECTOR_SIMILARITY
      : top.some((p) => p.coverage >= MIN_COVERAGE);
  return { pages, confident };
}
