/**
 * Words ending in "." that do not end a sentence even before a capital ("z. B. Ihr Antrag"), and
 * ordinals ("ab dem 10. Lebensjahr", "am 1. Januar"); four-digit years do end sentences.
 */
const ABBREVIATION = /(?:^|[\s(])(?:\p{L}|\d{1,2}|Dr|Prof|Nr|Abs|Art|Str|bzw|ggf|evtl|vgl|ca|inkl|zzgl|Tel|Hr|Fr|St|usw|etc|sog|allg|gem|lt)\.$/u;

/**
 * Splits German prose into sentences: a cut after . ! ? when the next word starts with a capital
 * or an opening quote (not a digit: "Abs. 2"), unless the word before the period is an
 * abbreviation. Hand-written because the sentence splitters on npm are English-centred or pull
 * in large models; a rare wrong cut only shortens an extract.
 */
export function splitSentences(text: string): string[] {
  const pieces = text.split(/(?<=[.!?…])\s+(?=[\p{Lu}„"(])|\n+/u);
  const sentences: string[] = [];
  for (const raw of pieces) {
    const piece = raw.trim();
    if (!piece) continue;
    const last = sentences[sentences.length - 1];
    if (last !== undefined && ABBREVIATION.test(last)) sentences[sentences.length - 1] = `${last} ${piece}`;
    else sentences.push(piece);
  }
  return sentences;
}
