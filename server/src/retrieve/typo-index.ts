/** Marks around a term so its first and last letters form bigrams too; never part of an analysed term. */
const START = '\u0002';
const END = '\u0003';
/** Bigram positions are packed into the low 6 bits of each posting, next to the term's number. */
const POSITION_BITS = 6;
const MAX_INDEXED_LENGTH = (1 << POSITION_BITS) - 2;
/** Terms never corrected as typos are not indexed (see `allowedTypos`). */
const MIN_TYPO_LENGTH = 5;

/**
 * Finds the index terms that may lie within a few typos of a word without comparing it with every
 * term. Each term's bigrams are indexed with their positions; a term within `d` edits of the word
 * (optimal string alignment: insertions, deletions, substitutions, adjacent transpositions)
 * keeps all but at most 3 per edit of its bigrams, each shifted by at most `d` positions
 * (Gravano et al., "Approximate String Joins in a Database (Almost) for Free", VLDB 2001, with
 * 3 instead of 2 lost bigrams per edit for transpositions). Terms below that count cannot match
 * and are never compared; the rest are returned for the exact comparison, so results are those
 * of a full scan. At 100,000 passages (about 120,000 terms) a full scan took 30–500 ms per
 * misspelt word, mostly in Damerau-Levenshtein.
 */
export function createTypoIndex(terms: readonly string[]) {
  // Numbered by length, so the terms of one length are one range of numbers.
  const byLength = terms.filter((t) => t.length >= MIN_TYPO_LENGTH).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  const lengthOf = Int32Array.from(byLength, (t) => t.length);
  const longest = lengthOf.at(-1) ?? 0;
  const firstOfLength = new Int32Array(longest + 2);
  for (let length = 0, id = 0; length <= longest + 1; length++) {
    while (id < byLength.length && lengthOf[id]! < length) id++;
    firstOfLength[length] = id;
  }
  const lists = new Map<string, number[]>();
  const unindexed: number[] = [];
  byLength.forEach((term, id) => {
    if (term.length > MAX_INDEXED_LENGTH) return void unindexed.push(id);
    const padded = START + term + END;
    for (let at = 0; at + 2 <= padded.length; at++) {
      const bigram = padded.slice(at, at + 2);
      let list = lists.get(bigram);
      if (!list) lists.set(bigram, (list = []));
      list.push((id << POSITION_BITS) | at);
    }
  });
  // Postings are in ascending order by construction (ids ascending, positions ascending per id).
  const postings = new Map<string, Int32Array>([...lists].map(([bigram, list]) => [bigram, Int32Array.from(list)]));
  const matches = new Uint16Array(byLength.length);
  const touched: number[] = [];
  const firstId = (length: number) => firstOfLength[Math.max(0, Math.min(length, longest + 1))]!;

  return {
    /**
     * Terms of length `minLength..maxLength` that may be within `maxTypos` edits of `word`, or
     * whose first `term.length` letters may be within `maxTypos - 1` edits of the word's start
     * (the prefix rule of `Vocabulary.similar` for a word that keeps part of an inflection ending
     * up to `maxEnding` letters long).
     */
    candidates(word: string, maxTypos: number, minLength: number, maxLength: number, maxEnding: number): string[] {
      const n = word.length;
      const lo = firstId(minLength);
      const hi = firstId(maxLength + 1);
      if (lo >= hi) return [];
      // With this many typos a term could share no bigram at all: compare with every term.
      if (n + 1 - 3 * maxTypos < 1 || MIN_TYPO_LENGTH - 3 * (maxTypos - 1) < 1) return byLength.slice(lo, hi);
      const padded = START + word + END;
      for (let at = 0; at + 2 <= padded.length; at++) {
        const list = postings.get(padded.slice(at, at + 2));
        if (!list) continue;
        for (let j = lowerBound(list, lo << POSITION_BITS); j < list.length; j++) {
          const packed = list[j]!;
          const id = packed >> POSITION_BITS;
          if (id >= hi) break;
          if (Math.abs((packed & ((1 << POSITION_BITS) - 1)) - at) > maxTypos) continue;
          if (matches[id] === 0) touched.push(id);
          matches[id]!++;
        }
      }
      const out: string[] = [];
      for (const id of touched) {
        const m = lengthOf[id]!;
        // Lower bounds on shared positioned bigrams (see above): within maxTypos edits of the
        // whole word, or the prefix rule (its end mark is not among the word's bigrams: one less).
        let needed = Infinity;
        if (Math.abs(n - m) <= maxTypos) needed = Math.max(n, m) + 1 - 3 * maxTypos;
        if (m < n && n - m <= maxEnding) needed = Math.min(needed, m - 3 * (maxTypos - 1));
        if (matches[id]! >= needed) out.push(byLength[id]!);
        matches[id] = 0;
      }
      touched.length = 0;
      for (const id of unindexed) if (id >= lo && id < hi) out.push(byLength[id]!);
      return out;
    },
  };
}

function lowerBound(list: Int32Array, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type TypoIndex = ReturnType<typeof createTypoIndex>;
