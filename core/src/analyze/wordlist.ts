import { GERMAN_WORD_STEMS } from './wordlist-de.generated.js';

let decoded: ReadonlyMap<string, number> | undefined;
let longest = 0;

/**
 * German word stems with their frequency band (0 = among the most frequent words, 15 = rare),
 * decoded on first use from the front-coded list that core/scripts/build-wordlist.mjs writes.
 * Stems are normalised, stemmed and umlaut-folded like index terms.
 */
export function germanWordStems(): ReadonlyMap<string, number> {
  if (decoded) return decoded;
  const stems = new Map<string, number>();
  let previous = '';
  for (const [, band, shared, suffix] of GERMAN_WORD_STEMS.matchAll(/([A-P])(\d)([a-z]*)/g)) {
    previous = previous.slice(0, Number(shared)) + suffix;
    stems.set(previous, band!.charCodeAt(0) - 65);
    if (previous.length > longest) longest = previous.length;
  }
  decoded = stems;
  return stems;
}


/** Length of the longest stem in the list: no compound part can be longer. */
export function longestWordStem(): number {
  germanWordStems();
  return longest;
}
