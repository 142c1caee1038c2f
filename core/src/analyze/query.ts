import { analyzeText, type AnalyzedToken } from './analyze.js';

/** A search query split into its words and the phrases the user put in quotes. */
export interface ParsedQuery {
  /** Every content word, quoted or not, in order (stop words dropped). */
  tokens: AnalyzedToken[];
  /** Analysed terms of each quoted phrase with at least two words, e.g. [['budget', 'arbeit']]. */
  phrases: string[][];
}

/**
 * Content words of a query that are searched; later ones are dropped. A question typed into the
 * chat has 8–40 words, 4–25 after stop words; even a pasted letter of 2,000 characters (the
 * default `limits.maxQueryChars`) has about 130. Every word costs postings, compound and typo
 * lookups, so without a cap the work per query would grow with whatever a client sends (the
 * limit on characters can be switched off).
 */
export const MAX_QUERY_WORDS = 128;
/** Quoted phrases searched per query, for the same reason: each one is checked on candidates. */
export const MAX_QUERY_PHRASES = 8;

// German „…“ and »…«, English “…”, and straight quotes; an unclosed quote runs to the end.
const QUOTED = /["„“”»«]([^"„“”»«]*)(?:["„“”»«]|$)/gu;

/**
 * Reads a query the way people type them into a search box: quoted parts ("Budget für Arbeit")
 * must appear as a phrase, everything else is a bag of words.
 *
 * @example parseQuery('„Budget für Arbeit“ Antrag').phrases // → [['budget', 'arbeit']]
 */
export function parseQuery(query: string): ParsedQuery {
  const phrases: string[][] = [];
  for (const match of query.matchAll(QUOTED)) {
    if (phrases.length === MAX_QUERY_PHRASES) break;
    const terms = analyzeText(match[1] ?? '').map((t) => t.term);
    if (terms.length >= 2) phrases.push(terms.slice(0, MAX_QUERY_WORDS));
  }
  return { tokens: analyzeText(query).slice(0, MAX_QUERY_WORDS), phrases };
}

/** Whether `terms` contains `phrase` as consecutive terms. */
export function containsPhrase(terms: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= terms.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (terms[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}
