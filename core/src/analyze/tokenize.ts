/** A word as it appears in the source text, with UTF-16 offsets for highlighting. */
export interface Token {
  /** The word exactly as written. */
  surface: string;
  start: number;
  end: number;
}

// Letters and digits of any script; a soft hyphen inside a word belongs to the word. Hyphens
// split ("Kfz-Hilfe" → "Kfz", "Hilfe"), which is what users type as separate words too.
export const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\u00ad]*/gu;

/** Splits text into words, keeping where each one stands so highlights stay aligned. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    tokens.push({ surface: match[0], start, end: start + match[0].length });
  }
  return tokens;
}
