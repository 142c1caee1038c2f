import { analyzeTerms, decompoundTerm, passageFields, unsearchedPassages, type LexicalIndex, type Passage } from '@auskunft/core';

/** Builds the BM25 postings for all passages (see `LexicalIndex` for the layout). */
export function buildLexicalIndex(passages: readonly Passage[]): LexicalIndex {
  const postings = new Map<string, number[]>();
  const lengths: number[] = [];
  const unsearched = unsearchedPassages(passages);
  for (const passage of passages) {
    const tf = new Map<string, number>();
    // Site templates and link lists beside content are never searched: they have no postings.
    for (const field of unsearched.has(passage.id) ? [] : passageFields(passage)) {
      for (const term of analyzeTerms(field.text)) tf.set(term, (tf.get(term) ?? 0) + field.weight);
    }
    let length = 0;
    for (const [term, count] of tf) {
      length += count;
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(passage.id, count);
    }
    lengths.push(length);
  }
  const total = lengths.reduce((a, b) => a + b, 0);
  // Sorted keys make the file byte-identical for identical input, so checksums are meaningful.
  const sorted = [...postings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const compounds: Record<string, string[]> = {};
  for (const [term] of sorted) {
    const parts = decompoundTerm(term);
    if (parts.length > 1) compounds[term] = [...parts];
  }
  return {
    formatVersion: 1,
    passageCount: passages.length,
    averageLength: passages.length ? total / passages.length : 0,
    lengths,
    postings: Object.fromEntries(sorted),
    compounds,
  };
}
