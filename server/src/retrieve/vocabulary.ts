import { allowedTypos, boundedDamerauLevenshtein, decompoundTerm, type LexicalIndex } from '@auskunft/core';
import { createTypoIndex } from './typo-index.js';

export interface CompoundMatch {
  term: string;
  /** The searched parts end the compound ("Ausweis" in "Schwerbehindertenausweis"): it is a kind of it. */
  head: boolean;
}

export interface Vocabulary {
  has(term: string): boolean;
  /** Number of passages containing the term. */
  documentFrequency(term: string): number;
  /** Index terms whose compound parts contain `parts` in order, e.g. ['ausweis'] → 'ersatzausweis'. */
  compoundsContaining(parts: readonly string[]): CompoundMatch[];
  /** Whether some passage contains both terms. */
  cooccur(a: string, b: string): boolean;
  /** Index terms within the typo distance allowed for the word's length, closest and most frequent first. */
  similar(word: string, limit?: number): Array<{ term: string; distance: number }>;
}

/** An unstemmed typo may keep up to this many letters of an inflection ending beyond the stem. */
const MAX_ENDING = 3;
/**
 * Longest word corrected as a typo. Comparing costs the product of both lengths per candidate,
 * and terms longer than the typo index's bigram positions reach are compared with every one of
 * them; no real German word is longer (see `MAX_COMPOUND_LENGTH`), a longer one is noise.
 */
export const MAX_TYPO_WORD_LENGTH = 80;
/**
 * Compounds returned per lookup. On a large site a common part is in thousands of index terms
 * (at 100,000 bench passages "wurd" is in 7,033 of 121,572), and each becomes an alternative whose
 * postings BM25 reads, so without a cap a query's cost grows with the site. Above the most seen
 * at 100,000 passages, so result lists there stay the same (checked with bench/compare-baseline.mjs;
 * a cap of 400 changed a fifth of them); the most frequent are kept, in index order.
 */
export const MAX_COMPOUNDS_PER_LOOKUP = 10_000;

/**
 * The index's terms, read once at start-up: what exists, how often, which compounds contain which
 * parts (split with the same `decompoundTerm` as queries), and fuzzy lookup for typos through a
 * bigram index (typo-index.ts).
 */
export function createVocabulary(lexical: LexicalIndex): Vocabulary {
  const terms = Object.keys(lexical.postings);
  const byPart = new Map<string, Array<{ term: string; parts: readonly string[] }>>();
  // Indexes written since the crawler stores each term's parts need no splitting here.
  const { compounds } = lexical;
  for (const term of terms) {
    const parts = compounds ? (Object.hasOwn(compounds, term) ? compounds[term]! : [term]) : decompoundTerm(term);
    if (parts.length > 1) {
      for (const part of new Set(parts)) {
        let list = byPart.get(part);
        if (!list) byPart.set(part, (list = []));
        list.push({ term, parts });
      }
    }
  }
  const typos = createTypoIndex(terms);
  const df = (term: string) => (lexical.postings[term]?.length ?? 0) / 2;

  return {
    has: (term) => Object.hasOwn(lexical.postings, term),
    documentFrequency: df,
    cooccur(a, b) {
      const pa = lexical.postings[a];
      const pb = lexical.postings[b];
      if (!pa || !pb) return false;
      const [small, large] = pa.length <= pb.length ? [pa, pb] : [pb, pa];
      for (let i = 0; i < small.length; i += 2) if (hasPosting(large, small[i]!)) return true;
      return false;
    },
    compoundsContaining(parts) {
      const out: CompoundMatch[] = [];
      for (const candidate of byPart.get(parts[0]!) ?? []) {
        const at = indexOfSequence(candidate.parts, parts);
        if (at >= 0 && candidate.term !== parts.join('')) out.push({ term: candidate.term, head: at + parts.length === candidate.parts.length });
      }
      return out.length > MAX_COMPOUNDS_PER_LOOKUP ? mostFrequent(out, MAX_COMPOUNDS_PER_LOOKUP, df) : out;
    },
    similar(word, limit = 3) {
      const max = allowedTypos(word.length);
      if (max === 0 || word.length > MAX_TYPO_WORD_LENGTH) return [];
      const found: Array<{ term: string; distance: number }> = [];
      for (const term of typos.candidates(word, max, word.length - max - MAX_ENDING, word.length + max, MAX_ENDING)) {
        if (allowedTypos(term.length) === 0) continue;
        let distance = boundedDamerauLevenshtein(word, term, max);
        // "arbeitsassistens" is stemmed to "arbeitsassist"; compare the unstemmed word's start
        // with the stem and count the left-over ending as one more edit.
        if (distance > max && word.length > term.length) {
          const prefix = boundedDamerauLevenshtein(word.slice(0, term.length), term, max - 1);
          if (prefix < max && word.length - term.length <= MAX_ENDING) distance = prefix + 1;
        }
        if (distance <= max) found.push({ term, distance });
      }
      return found.sort((a, b) => a.distance - b.distance || df(b.term) - df(a.term) || (a.term < b.term ? -1 : 1)).slice(0, limit);
    },
  };
}

/** The `limit` most frequent matches (ties: alphabetical), in their original order. */
function mostFrequent(matches: CompoundMatch[], limit: number, df: (term: string) => number): CompoundMatch[] {
  const kept = new Set([...matches].sort((a, b) => df(b.term) - df(a.term) || (a.term < b.term ? -1 : 1)).slice(0, limit));
  return matches.filter((m) => kept.has(m));
}

/** Binary search over the even positions of a postings list (passage ids, sorted). */
function hasPosting(postings: readonly number[], id: number): boolean {
  let lo = 0;
  let hi = postings.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = postings[mid * 2]!;
    if (at === id) return true;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function indexOfSequence(haystack: readonly string[], needle: readonly string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
