import { stemmer } from '@orama/stemmers/german';

/**
 * Snowball German stemmer (via @orama/stemmers, which runs unchanged in Node and Workers).
 * Input must already be normalised with `normalizeWord`.
 */
export function stemWord(normalized: string): string {
  // Numbers and very short words carry their meaning in every letter ("GdB 50", "Merkzeichen G").
  if (normalized.length <= 2 || /^\p{N}+$/u.test(normalized)) return normalized;
  // Snowball removes a plural -s only after certain consonants, so "Autos", "Kitas" and "Handys"
  // would not meet "Auto", "Kita" and "Handy". Not after -u or -i: "Status", "Praxis".
  const singular = normalized.length >= 5 && /[aoy]s$/.test(normalized) ? normalized.slice(0, -1) : normalized;
  return stemmer(singular);
}
