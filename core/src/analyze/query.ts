import { analyzeText, type AnalyzedToken } from './analyze.js';

/** A search query split into its words and the phrases the user put in quotes. */
export interface ParsedQuery {
  /** Every content word, quoted or not, in order (stop words dropped). */
  tokens: AnalyzedToken[];
  /** Analysed terms of each quoted phrase with at least two words, e.g. [['budget', 'arbeit']]. */
  phrases: string[][];
}

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
    const terms = analyzeText(match[1] ?? '').map((t) => t.term);
    if (terms.length >= 2) phrases.push(terms);
  }
  return { tokens: analyzeText(query), phrases };
}

/** Whether `terms` contains `phrase` as consecutive terms. */
export function containsPhrase(terms: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= terms.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (terms[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}
