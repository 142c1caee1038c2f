import { analyzeText } from '../analyze/analyze.js';
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

/**
 * The built-in offline embedder: no model, no download, no network. It is feature hashing, not a
 * neural model: the German-analysed terms of a text, their character 3–5-grams and adjacent-term
 * pairs are hashed into a fixed number of signed buckets, weighted by log(1 + frequency) and
 * normalised. It captures shared words and word parts (compounds, inflection, typos); it does not
 * know that "Auto" and "Kraftfahrzeug" mean the same thing. For that, configure a real model via
 * `createHfInferenceEmbedder`.
 *
 * @example const e = createHashedNgramEmbedder(); const [v] = await e.embed(['Kündigungsschutz'], 'query');
 */
export function createHashedNgramEmbedder(options: HashedNgramEmbedderOptions = {}): Embedder {
  const dimension = options.dimension ?? DEFAULT_HASHED_DIMENSION;
  if (!Number.isInteger(dimension) || dimension < 16 || dimension > 4096) {
    throw new RangeError(`hashed embedder dimension must be an integer in 16..4096, got ${dimension}`);
  }
  return {
    id: `auskunft-hashed-ngrams-v1@${dimension}`,
    dimension,
    async embed(texts) {
      return texts.map((text) => embedOne(text, dimension));
    },
  };
}

function embedOne(text: string, dimension: number): Float32Array {
  const counts = new Map<string, number>();
  const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
  const tokens = analyzeText(text);
  tokens.forEach((token, i) => {
    add(`t:${token.term}`, TERM_WEIGHT);
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

/** 32-bit FNV-1a: fast, well-spread, and identical in every JavaScript runtime. */
function fnv1a(input: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
