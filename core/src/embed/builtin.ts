import { analyzeText } from '../analyze/analyze.js';
import { decompoundTerm } from '../analyze/decompound.js';
import { bundledSynonyms } from '../analyze/synonyms.js';
import { germanWordStems } from '../analyze/wordlist.js';
import { normalizeVector, type Embedder } from './embedder.js';

export interface HashedNgramEmbedderOptions {
  /** Vector length; more dimensions mean fewer hash collisions and a larger index. */
  dimension?: number;
}

export const DEFAULT_HASHED_DIMENSION = 512;
const NGRAM_SIZES = [3, 4, 5] as const;
// Whole terms say more than any of their fragments; fragments make "Ausweis" meet
// "Schwerbehindertenausweis" and survive typos such as "Kündigunsschutz".
const TERM_WEIGHT = 1;
const NGRAM_WEIGHT = 0.35;
const BIGRAM_WEIGHT = 0.5;
/** Compound parts: the head names what the compound is ("…ausweis"), modifiers say which one. */
const HEAD_WEIGHT = 0.6;
const MODIFIER_WEIGHT = 0.3;
/** Words of the bundled synonym list ("Auto" also yields "PKW", "Kraftfahrzeug", …), spread over the group. */
const SYNONYM_WEIGHT = 0.6;

/**
 * The built-in offline embedder: no model, no download, no network. It is feature hashing, not a
 * neural model: the German-analysed terms of a text, the parts of its compounds, the words of the
 * bundled synonym list (core/src/analyze/synonyms-de.ts), character 3–5-grams and adjacent-term
 * pairs are hashed into a fixed number of signed buckets, weighted by log(1 + frequency) and by
 * how rare the word is in German (the word list's frequency band: "Menschen" says less than
 * "Kraftfahrzeug"), then normalised. It captures shared words and word parts (compounds,
 * inflection, typos) and the synonyms someone wrote down; it does not understand paraphrases. For
 * that, configure a real model via `createHfInferenceEmbedder`.
 *
 * Only the bundled synonyms are used, never an editor's file: vectors are computed at crawl time,
 * and the id below changes whenever the output does, so the server refuses a stale index.
 *
 * @example const e = createHashedNgramEmbedder(); const [v] = await e.embed(['Kündigungsschutz'], 'query');
 */
export function createHashedNgramEmbedder(options: HashedNgramEmbedderOptions = {}): Embedder {
  const dimension = options.dimension ?? DEFAULT_HASHED_DIMENSION;
  if (!Number.isInteger(dimension) || dimension < 16 || dimension > 4096) {
    throw new RangeError(`hashed embedder dimension must be an integer in 16..4096, got ${dimension}`);
  }
  return {
    id: `auskunft-hashed-ngrams-v2@${dimension}`,
    dimension,
    async embed(texts) {
      return texts.map((text) => embedOne(text, dimension));
    },
  };
}

function embedOne(text: string, dimension: number): Float32Array {
  const counts = new Map<string, number>();
  const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
  const synonyms = bundledSynonyms();
  const tokens = analyzeText(text);
  tokens.forEach((token, i) => {
    const rarity = rarityWeight(token.term);
    add(`t:${token.term}`, TERM_WEIGHT * rarity);
    const parts = decompoundTerm(token.term);
    if (parts.length > 1) parts.forEach((part, p) => add(`t:${part}`, (p === parts.length - 1 ? HEAD_WEIGHT : MODIFIER_WEIGHT) * rarityWeight(part)));
    const alike = synonyms.expand(token.term);
    for (const synonym of alike) add(`t:${synonym}`, (SYNONYM_WEIGHT * rarity) / Math.sqrt(alike.length));
    const padded = `<${token.normalized}>`;
    for (const n of NGRAM_SIZES) {
      for (let s = 0; s + n <= padded.length; s++) add(`g:${padded.slice(s, s + n)}`, NGRAM_WEIGHT);
    }
    const next = tokens[i + 1];
    if (next) add(`b:${token.term} ${next.term}`, BIGRAM_WEIGHT);
  });
  const vector = new Float32Array(dimension);
  for (const [feature, weight] of counts) {
    const h = fnv1a(feature);
    const sign = h & 0x80000000 ? -1 : 1;
    vector[(h & 0x7fffffff) % dimension]! += sign * Math.log1p(weight);
  }
  return normalizeVector(vector);
}

/**
 * An inverse-frequency prior from general German instead of the (unknown) site: the word list's
 * band is log2 of the word's frequency rank, so band 7 ("Menschen") weighs 0.85 and band 13
 * ("Kraftfahrzeug") 1.15; words outside the list are rarer still.
 */
function rarityWeight(term: string): number {
  const band = germanWordStems().get(term);
  return band === undefined ? 1.25 : 0.5 + band * 0.05;
}

/** 32-bit FNV-1a: fast, well-spread, and identical in every JavaScript runtime. */
function fnv1a(input: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
