import { analyzeTerms, AuskunftError, type Embedder, type LexicalIndex, type Passage } from '@auskunft/core';
import type { VectorSearch } from '../vectors/vector-search.js';
import { createBm25 } from './bm25.js';
import { reciprocalRankFusion } from './fuse.js';

export interface RetrievedPassage {
  passage: Passage;
  /** Fused rank score (RRF); only comparable within one retrieval. */
  score: number;
  bm25: number;
  similarity: number;
  /** IDF-weighted share of the query's terms that occur in this passage (0..1). */
  coverage: number;
}

export interface Retrieval {
  /** The query's analysed terms (unique), for highlighting and answer selection. */
  terms: string[];
  passages: RetrievedPassage[];
}

export interface RetrieverOptions {
  passages: readonly Passage[];
  lexical: LexicalIndex;
  vectors: VectorSearch;
  embedder: Embedder;
  /** Passages found only by vectors below this similarity are dropped. */
  minVectorSimilarity: number;
  /** Weight of the vector ranking against BM25 (weight 1) in rank fusion. */
  vectorWeight: number;
}

/** How many candidates each ranker contributes before fusion. */
const CANDIDATES = 50;
/** Share of the fused score a passage keeps when it contains none of the query's words. */
const COVERAGE_FLOOR = 0.5;

/**
 * Hybrid retrieval: BM25 over the analysed terms and nearest neighbours of the query vector,
 * fused by reciprocal rank. A passage must be found lexically or be close enough in vector space;
 * everything else is noise that the hashed embedder (or any model) always has a little of.
 */
export function createRetriever(options: RetrieverOptions) {
  const bm25 = createBm25(options.lexical);
  const maxIdf = Math.log(1 + (options.lexical.passageCount + 0.5) / 0.5);
  if (options.vectors.size !== options.passages.length) {
    throw new AuskunftError('INDEX_CORRUPT', `The vector index holds ${options.vectors.size} vectors for ${options.passages.length} passages. Rebuild the index with \`auskunft crawl\`.`);
  }

  const coverage = (terms: readonly string[], id: number): number => {
    let total = 0;
    let found = 0;
    for (const term of terms) {
      // A term the index has never seen weighs like the rarest one: it is what the user asked about.
      const weight = bm25.has(term) ? bm25.idf(term) : maxIdf;
      total += weight;
      if (bm25.termFrequency(term, id) > 0) found += weight;
    }
    return total > 0 ? found / total : 0;
  };

  return {
    async retrieve(query: string, limit = 20): Promise<Retrieval> {
      const terms = [...new Set(analyzeTerms(query))];
      const lexicalHits = bm25.search(terms, CANDIDATES);
      const [queryVector] = await options.embedder.embed([query], 'query');
      const vectorHits = options.vectors.search(queryVector!, CANDIDATES);
      const bm25ById = new Map(lexicalHits.map((h) => [h.id, h.score]));
      const similarityById = new Map(vectorHits.map((h) => [h.id, h.similarity]));
      const keptVectorHits = vectorHits.filter((h) => bm25ById.has(h.id) || h.similarity >= options.minVectorSimilarity);
      const fused = reciprocalRankFusion([
        { ids: lexicalHits.map((h) => h.id), weight: 1 },
        { ids: keptVectorHits.map((h) => h.id), weight: options.vectorWeight },
      ]);
      const passages = [...fused]
        .map(([id, rrf]) => {
          const covered = coverage(terms, id);
          // A passage holding every word of the question beats one that ranks high on a part of it.
          return { passage: options.passages[id]!, score: rrf * (COVERAGE_FLOOR + covered), bm25: bm25ById.get(id) ?? 0, similarity: similarityById.get(id) ?? 0, coverage: covered };
        })
        .sort((a, b) => b.score - a.score || a.passage.id - b.passage.id)
        .slice(0, limit);
      return { terms, passages };
    },
  };
}

export type Retriever = ReturnType<typeof createRetriever>;
