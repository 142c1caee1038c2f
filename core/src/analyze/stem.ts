import { stemmer } from '@orama/stemmers/german';

/**
 * Snowball German stemmer (via @orama/stemmers, which runs unchanged in Node and Workers).
 * Input must already be normalised with `normalizeWord`.
 */
export function stemWord(normalized: string): string {
  // Numbers and very short words carry their meaning in every letter ("GdB 50", "Merkzeichen G").
  if (normalized.length <= 2 || /^\p{N}+$/u.test(normalized)) return normalized;
  return stemmer(normalized);
}
