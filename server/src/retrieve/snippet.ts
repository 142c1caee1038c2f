import { analyzeMatching } from '@auskunft/core';

export interface Snippet {
  text: string;
  /** [start, end) UTF-16 ranges of matched words inside `text`. */
  highlights: Array<[number, number]>;
}

/**
 * Cuts a window of about `maxChars` around the densest cluster of matched words and marks them.
 * Offsets come from the same analysis as the index, computed on the original text, so umlauts
 * and ß never shift a highlight.
 */
export function makeSnippet(text: string, terms: readonly string[], maxChars = 240): Snippet {
  const tokens = analyzeMatching(text, new Set(terms));
  let start = 0;
  if (text.length > maxChars && tokens.length > 0) {
    // Slide a window over the matches and start where it covers the most of them.
    let bestCount = 0;
    for (let i = 0, j = 0; i < tokens.length; i++) {
      while (j < tokens.length && tokens[j]!.end - tokens[i]!.start <= maxChars) j++;
      if (j - i > bestCount) {
        bestCount = j - i;
        start = tokens[i]!.start;
      }
    }
    // Open a little before the first match so the sentence reads naturally.
    start = Math.max(0, start - 40);
    const space = text.lastIndexOf(' ', start);
    start = start === 0 ? 0 : space >= 0 ? space + 1 : start;
  }
  let end = Math.min(text.length, start + maxChars);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + maxChars / 2) end = space;
  }
  const prefix = start > 0 ? '… ' : '';
  const suffix = end < text.length ? ' …' : '';
  const body = text.slice(start, end).replace(/\n/g, ' ');
  const highlights = tokens
    .filter((t) => t.start >= start && t.end <= end)
    .map((t): [number, number] => [t.start - start + prefix.length, t.end - start + prefix.length]);
  return { text: prefix + body + suffix, highlights };
}
