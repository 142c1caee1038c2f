import { AuskunftError, bundledSynonyms, bundledThesaurus, parseQuery, unsearchedPassages, type Embedder, type LexicalIndex, type Passage, type SynonymTable, type Thesaurus } from '@auskunft/core';
import { scrubPersonalData, withoutPlaceholders } from '../privacy/scrub.js';
import type { RemoteVectorSearch, VectorSearch } from '../vectors/vector-search.js';
import { createBm25 } from './bm25.js';
import { expandQuery, type QueryGroup } from './expand-query.js';
import { compilePassageFilter, type PassageFilter } from './filter.js';
import { reciprocalRankFusion } from './fuse.js';
import { createPassageMatcher, isQuestionShaped, type ExactMatch } from './passage-match.js';
import { createLru } from './lru.js';
import { createVocabulary } from './vocabulary.js';

export interface RetrievedPassage {
  passage: Passage;
  /** Fused rank score (RRF with boosts); only comparable within one retrieval. */
  score: number;
  bm25: number;
  similarity: number;
  /** IDF-weighted share of the query's words this passage contains (0..1); synonyms, compounds and typos count partly. */
  coverage: number;
  /** The query's words are exactly the page title's or this passage's heading (or FAQ question). */
  exactMatch?: ExactMatch;
  /** FAQ entries: how closely the query matches the question or one of its alternatives (0..1). */
  faqMatch?: number;
}

export interface Retrieval {
  /**
   * Index terms that stand for the query: its own analysed words plus the compounds, synonyms and
   * typo corrections found in the index, for highlighting and answer selection.
   */
  terms: string[];
  passages: RetrievedPassage[];
  /** Each query word with the index terms it was searched under (for diagnostics such as `auskunft ask`). */
  groups: QueryGroup[];
  /** IDF of each of `terms`: how much a match on it says (rare words say more). */
  termWeights: Record<string, number>;
  /** The idf a word the site never uses would have: what such a word weighs in a question. */
  maxIdf: number;
}

export interface RetrieverOptions {
  passages: readonly Passage[];
  lexical: LexicalIndex;
  vectors: VectorSearch | RemoteVectorSearch;
  embedder: Embedder;
  /** Passages found only by vectors below this similarity are dropped. */
  minVectorSimilarity: number;
  /** Weight of the vector ranking against BM25 (weight 1) in rank fusion. */
  vectorWeight: number;
  /** Query-time synonyms; default: the bundled German list. Combine with `mergeSynonyms` for an editor's file. */
  synonyms?: SynonymTable;
  /** Broad synonym sets whose fitting senses expand the query; default: the bundled OpenThesaurus table, null for none. */
  thesaurus?: Thesaurus | null;
  /** Query vectors kept for repeated queries (least recently used forgotten first); default 1000, 0 keeps none. */
  embeddingCacheSize?: number;
}

export interface RetrieveOptions extends PassageFilter {
  /** Which rankers run: both (default), or one alone, for the evaluation and diagnostics. */
  rankers?: 'hybrid' | 'lexical' | 'vector';
  /** Compound parts, synonyms and typo correction for the query's words (default true). */
  expand?: boolean;
}

/** How many candidates each ranker contributes before fusion. */
const CANDIDATES = 50;
/**
 * BM25 hits checked for the order of quoted words at most. Checking analyses the passage, and a
 * phrase whose words are common but never stand together would otherwise have every passage
 * holding them analysed (all of a large site for „Antrag stellen“ written as „stellen Antrag“).
 */
export const MAX_PHRASE_CHECKS = CANDIDATES * 4 ** 2;
/** Share of the fused score a passage keeps when it contains none of the query's words. */
const COVERAGE_FLOOR = 0.5;
/** An FAQ entry whose question (or alternative) matches this well is boosted… */
const FAQ_MIN_SIMILARITY = 0.6;
/** …by up to this factor more (at similarity 1). */
const FAQ_BOOST = 1;
/**
 * Added to the score of exact title and heading matches. Fused scores stay below 0.1, so these
 * rank first, title matches before heading matches, and among themselves by relevance.
 */
const EXACT_BONUS: Record<'title' | 'heading', number> = { title: 2, heading: 1 };
/**
 * Share of the fused score a link list keeps (a related-links box, a hub page's list of
 * services; site-templates.ts): it names the topic, the page it links to explains it.
 */
const LINK_LIST_FACTOR = 0.4;

/**
 * Hybrid retrieval: BM25 over the analysed and expanded query words and nearest neighbours of the
 * query vector, fused by reciprocal rank. A passage must be found lexically or be close enough in
 * vector space; everything else is noise that the hashed embedder (or any model) always has a
 * little of. Passages that cover more of the question, curated FAQ entries asking the same
 * question and exact title or heading matches are lifted.
 *
 * @example const { passages } = await createRetriever(opts).retrieve('Ausweis verloren', 20, { prefix: '/inklusionsamt/' });
 */
export function createRetriever(options: RetrieverOptions) {
  const bm25 = createBm25(options.lexical);
  const vocabulary = createVocabulary(options.lexical);
  const matcher = createPassageMatcher(options.passages);
  const synonyms = options.synonyms ?? bundledSynonyms();
  const unsearched = unsearchedPassages(options.passages);
  const thesaurus = options.thesaurus === undefined ? bundledThesaurus() : (options.thesaurus ?? undefined);
  if (options.vectors.size !== options.passages.length) {
    throw new AuskunftError('INDEX_CORRUPT', `The vector index holds ${options.vectors.size} vectors for ${options.passages.length} passages. Rebuild the index with \`auskunft crawl\`.`);
  }

  // A remote model answers in tens of milliseconds; popular questions (chat, filtered searches)
  // then skip the round trip. Vectors are never changed after embedding, so sharing them is safe.
  const queryVectors = createLru<string, Float32Array>(options.embeddingCacheSize ?? 1000);
  const embedQuery = async (query: string): Promise<Float32Array> => {
    let vector = queryVectors.get(query);
    if (!vector) {
      [vector] = await options.embedder.embed([query], 'query');
      if (!vector) throw new AuskunftError('EMBEDDER_FAILED', `The embedder ${options.embedder.id} returned no vector for the query.`);
      queryVectors.set(query, vector);
    }
    return vector;
  };

  const vectorCandidates = async (query: string, accept: ((id: number) => boolean) | undefined) => {
    // The embedder may be a remote endpoint (embedder.kind=hf-inference): the query leaves the
    // process, so personal data is removed first, whoever called (search does not scrub).
    const text = withoutPlaceholders(scrubPersonalData(query));
    if (!text) return [];
    const queryVector = await embedQuery(text);
    // HNSW cannot filter while searching: fetch more neighbours when a filter will drop some.
    const k = accept ? Math.min(options.vectors.size, CANDIDATES * 8) : CANDIDATES;
    const hits = (await options.vectors.search(queryVector, k)).filter((h) => !unsearched.has(h.id));
    return (accept ? hits.filter((h) => accept(h.id)) : hits).slice(0, CANDIDATES);
  };

  /**
   * The best BM25 candidates that pass `accept` and, for quoted phrases, `inOrder`: the best hits
   * are checked in rank order, fetching four times as many until enough pass or none are left,
   * which gives exactly the top candidates among the passages holding the phrases.
   */
  const lexicalCandidates = (groups: readonly QueryGroup[], accept: ((id: number) => boolean) | undefined, inOrder: ((id: number) => boolean) | undefined, alsoIds: readonly number[]) => {
    if (!inOrder) return bm25.searchWithCoverage(groups, CANDIDATES, accept, alsoIds);
    for (let fetch = CANDIDATES * 4; ; fetch *= 4) {
      const { hits, coverage } = bm25.searchWithCoverage(groups, fetch, accept, alsoIds);
      const kept = hits.filter((h) => inOrder(h.id));
      if (kept.length >= CANDIDATES || hits.length < fetch || fetch >= MAX_PHRASE_CHECKS) return { hits: kept.slice(0, CANDIDATES), coverage };
    }
  };

  return {
    /** The tunables this retriever was built with, so every runtime can be checked to rank alike. */
    tuning: {
      minVectorSimilarity: options.minVectorSimilarity,
      vectorWeight: options.vectorWeight,
      embeddingCacheSize: options.embeddingCacheSize ?? 1000,
      synonymRules: synonyms.size,
      thesaurusSets: thesaurus?.size ?? 0,
      embedder: options.embedder.id,
    },
    /** Changes when the passages it searches change without a new index version (editors' entries, editor/overlay.ts). */
    generation: (): number => 0,
    async retrieve(query: string, limit = 20, retrieveOptions: RetrieveOptions = {}): Promise<Retrieval> {
      const rankers = retrieveOptions.rankers ?? 'hybrid';
      const parsed = parseQuery(query);
      const groups = expandQuery(parsed.tokens, { vocabulary, synonyms, ...(thesaurus ? { thesaurus } : {}), expand: retrieveOptions.expand ?? true });
      const terms = [...new Set([...parsed.tokens.map((t) => t.term), ...groups.flatMap((g) => g.alternatives.map((a) => a.term))])];
      const filter = compilePassageFilter(options.passages, retrieveOptions);
      // A passage can only hold a quoted phrase if its postings hold every word of it: a binary
      // search per word. Whether the words stand in order needs the passage analysed, far too
      // slow for every posting of a common word, so that is checked on candidates only.
      const phraseWords = [...new Set(parsed.phrases.flat())];
      const cheap =
        filter || phraseWords.length > 0
          ? (id: number) => (!filter || filter(id)) && phraseWords.every((w) => bm25.termFrequency(w, id) > 0)
          : undefined;
      const inOrder = parsed.phrases.length > 0 ? (id: number) => matcher.containsPhrases(parsed.phrases, id) : undefined;

      // Vectors first: everything after them runs without a pause, so BM25 can hand over the
      // coverage of both rankers' candidates from its one pass over the postings.
      const vectorAccept = cheap && inOrder ? (id: number) => cheap(id) && inOrder(id) : cheap;
      const vectorHits = rankers === 'lexical' || groups.length === 0 ? [] : await vectorCandidates(query, vectorAccept);
      const lexical = rankers === 'vector' ? null : lexicalCandidates(groups, cheap, inOrder, vectorHits.map((h) => h.id));
      const lexicalHits = lexical?.hits ?? [];
      const bm25ById = new Map(lexicalHits.map((h) => [h.id, h.score]));
      const similarityById = new Map(vectorHits.map((h) => [h.id, h.similarity]));
      const hit = (id: number, score: number): RetrievedPassage => ({
        passage: options.passages[id]!,
        score,
        bm25: bm25ById.get(id) ?? 0,
        similarity: similarityById.get(id) ?? 0,
        coverage: lexical?.coverage.get(id) ?? bm25.coverage(groups, id),
      });

      let passages: RetrievedPassage[];
      if (rankers === 'lexical') passages = lexicalHits.map((h) => hit(h.id, h.score));
      else if (rankers === 'vector') passages = vectorHits.map((h) => hit(h.id, h.similarity));
      else {
        const keptVectorHits = vectorHits.filter((h) => bm25ById.has(h.id) || h.similarity >= options.minVectorSimilarity);
        const fused = reciprocalRankFusion([
          { ids: lexicalHits.map((h) => h.id), weight: 1 },
          { ids: keptVectorHits.map((h) => h.id), weight: options.vectorWeight },
        ]);
        const queryKey = exactMatchKey(groups);
        passages = [...fused].map(([id, rrf]) => {
          const result = hit(id, rrf);
          // A passage holding every word of the question beats one that ranks high on a part of it.
          result.score *= COVERAGE_FLOOR + result.coverage;
          if (result.passage.role === 'links') result.score *= LINK_LIST_FACTOR;
          if (isQuestionShaped(result.passage)) {
            result.faqMatch = matcher.faqSimilarity(groups, id);
            if (result.faqMatch >= FAQ_MIN_SIMILARITY) result.score *= 1 + FAQ_BOOST * result.faqMatch;
          }
          const exact = matcher.exactMatch(queryKey, id);
          if (exact) {
            result.exactMatch = exact;
            result.score += EXACT_BONUS[exact];
          }
          return result;
        });
      }
      passages.sort((a, b) => b.score - a.score || a.passage.id - b.passage.id);
      return { terms, passages: passages.slice(0, limit), groups, termWeights: Object.fromEntries(terms.map((t) => [t, bm25.idf(t)])), maxIdf: bm25.maxIdf };
    },
  };
}

/**
 * The query's words as the index spells them, for exact title matches: the word itself when the
 * index has it, else its closest typo correction ("kraftfarzeughilfe" → Kraftfahrzeughilfe).
 */
function exactMatchKey(groups: readonly QueryGroup[]): Set<string> {
  const key = new Set<string>();
  for (const group of groups) {
    if (group.part) continue;
    const exact = group.alternatives.find((a) => a.kind === 'exact' && a.term === group.term);
    const typo = group.alternatives.filter((a) => a.kind === 'typo').sort((a, b) => b.weight - a.weight)[0];
    key.add(exact?.term ?? typo?.term ?? group.term);
  }
  return key;
}

export type Retriever = ReturnType<typeof createRetriever>;
