import { normalizeWord } from './normalize.js';
import { stemWord } from './stem.js';
import { GERMAN_STOPWORDS } from './stopwords.js';
import { tokenize } from './tokenize.js';

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
    const normalized = normalizeWord(token.surface);
    if (GERMAN_STOPWORDS.has(normalized)) continue;
    out.push({ ...token, normalized, term: stemWord(normalized) });
  }
  return out;
}

/** Just the terms, in order (duplicates kept: term frequency matters for BM25). */
export function analyzeTerms(text: string): string[] {
  return analyzeText(text).map((t) => t.term);
}
