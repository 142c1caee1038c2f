import { z } from 'zod';

/**
 * The BM25 index as written to lexical.json. Postings are flat arrays [passageId, tf, passageId,
 * tf, …] sorted by passage id: compact to store and fast to scan without object allocation.
 * `tf` is the weighted term frequency from `passageFields`.
 */
export interface LexicalIndex {
  formatVersion: 1;
  passageCount: number;
  averageLength: number;
  /** Weighted length (sum of weighted tf) of every passage, by id. */
  lengths: number[];
  postings: Record<string, number[]>;
  /**
   * The compound terms of `postings` with their parts (`decompoundTerm`, split at build time), so
   * a server need not split every term again at start-up: at 100,000 passages that took 1.4 s,
   * during which a reloading server answered nothing. Absent in older indexes; terms not listed
   * are not compounds.
   */
  compounds?: Record<string, string[]>;
}

const lexicalSchema = z.object({
  formatVersion: z.literal(1),
  passageCount: z.number().int().nonnegative(),
  averageLength: z.number().nonnegative(),
  lengths: z.array(z.number().nonnegative()),
  postings: z.record(z.string(), z.array(z.number())),
  compounds: z.record(z.string(), z.array(z.string())).optional(),
});

export function parseLexicalIndex(json: unknown): LexicalIndex {
  const index = lexicalSchema.parse(json) as LexicalIndex;
  if (index.lengths.length !== index.passageCount) {
    throw new Error(`lexical index lists ${index.lengths.length} lengths for ${index.passageCount} passages`);
  }
  return index;
}
