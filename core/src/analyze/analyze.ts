import { normalizeWord } from './normalize.js';
import { stemWord } from './stem.js';
import { GERMAN_STOPWORDS } from './stopwords.js';
import { tokenize, WORD } from './tokenize.js';

/**
 * Version of the index-time text analysis (normalisation, stop words, stemming, decompounding).
 * Bump it whenever a change alters which terms a text is indexed under: the crawler records it in
 * the manifest and the server refuses a lexical index built with another analysis, which would
 * otherwise silently miss matches.
 */
export const ANALYSIS_VERSION = 3;

/** A word of the source text together with the term it is indexed and searched under. */
export interface AnalyzedToken {
  term: string;
  /** The normalised, unstemmed form (used for sub-word features). */
  normalized: string;
  surface: string;
  start: number;
  end: number;
}

/**
 * The one text analysis both the crawler and the server run, so a term written at index time is
 * always the term looked up at query time (the reason `core/` exists at all).
 *
 * @example analyzeText('Wie beantrage ich einen Schwerbehindertenausweis?').map((t) => t.term)
 *          // → ['beantrag', 'schwerbehindertenausweis']
 */
export function analyzeText(text: string): AnalyzedToken[] {
  const out: AnalyzedToken[] = [];
  for (const token of tokenize(text)) {
    const word = analyzeWord(token.surface);
    if (word) out.push({ ...token, normalized: word.normalized, term: word.term });
  }
  return out;
}

/**
 * Recently seen word forms and their analysis (null: a stop word). Text repeats its words
 * (Zipf's law), and normalising and stemming every occurrence anew was most of the time spent
 * building a 100,000-passage index and cutting search snippets. Emptied when full, like the
 * decompounding cache: the analysis of a word never changes, so dropping entries is always safe.
 */
const words = new Map<string, { normalized: string; term: string } | null>();
const WORD_CACHE_LIMIT = 100_000;

function analyzeWord(surface: string): { normalized: string; term: string } | null {
  let word = words.get(surface);
  if (word === undefined) {
    const normalized = normalizeWord(surface);
    word = GERMAN_STOPWORDS.has(normalized) ? null : { normalized, term: stemWord(normalized) };
    if (words.size >= WORD_CACHE_LIMIT) words.clear();
    words.set(surface, word);
  }
  return word;
}

/**
 * The tokens of `text` whose term is in `wanted`, as `analyzeText(text).filter(...)` would give
 * them, without building an object for every other word: snippets need the few matched words of
 * a passage of hundreds.
 */
export function analyzeMatching(text: string, wanted: ReadonlySet<string>): AnalyzedToken[] {
  const out: AnalyzedToken[] = [];
  if (wanted.size === 0) return out;
  for (const match of text.matchAll(WORD)) {
    const word = analyzeWord(match[0]);
    if (word && wanted.has(word.term)) out.push({ surface: match[0], start: match.index, end: match.index + match[0].length, normalized: word.normalized, term: word.term });
  }
  return out;
}

/** Just the terms, in order (duplicates kept: term frequency matters for BM25). */
export function analyzeTerms(text: string): string[] {
  return analyzeText(text).map((t) => t.term);
}
