/**
 * Text comparison for scoring replies: citizens and answer engines write the same fact with and
 * without umlauts ("Änderungsantrag"/"Aenderungsantrag"), with different dashes ("2–3"/"2-3") and
 * with line breaks or non-breaking spaces inside ("0221 555-3100"). Facts count regardless.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u201e\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[\u2018\u2019\u201a]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether `text` contains one of the alternatives (normalised, case-insensitive). Citation
 * markers ("[3]") are ignored. An alternative must start at a word boundary ("gültig" is not in
 * "ungültig") and, when it ends in a digit, end at one ("50" is not in "500"); otherwise it may
 * be the start of a longer word, so "Kostenvoranschl" finds "Kostenvoranschlag" and "-schläge".
 */
export function containsAny(text: string, alternatives: readonly string[]): boolean {
  const haystack = normaliseText(text.replace(/\[\d+\]/g, ' '));
  return alternatives.some((alt) => {
    const needle = normaliseText(alt);
    if (!needle) return false;
    const end = /[\p{N}]$/u.test(needle) ? '(?![\\p{N}])' : '';
    return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}${end}`, 'u').test(haystack);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Which facts a reply contains: one flag per fact (a fact is a list of acceptable alternatives). */
export function factsFound(reply: string, facts: readonly (readonly string[])[]): boolean[] {
  return facts.map((alternatives) => containsAny(reply, alternatives));
}

/** True when the reply contains every fact. */
export function allFactsFound(reply: string, facts: readonly (readonly string[])[]): boolean {
  return factsFound(reply, facts).every(Boolean);
}
