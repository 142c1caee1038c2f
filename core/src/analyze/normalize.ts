/**
 * Folds one word to the form both index time and query time compare.
 *
 * - NFKC turns ligatures and full-width forms into plain letters; soft hyphens (U+00AD), which
 *   CMS editors paste into long compounds, vanish instead of splitting the word.
 * - ß → ss, and the transliterations ae/oe/ue → ä/ö/ü, so that "Kuendigung", "Kündigung" and
 *   "KÜNDIGUNG" meet. This is the rule of Snowball's "german2" variant; like it, "ue" after "q"
 *   ("Quelle") is kept. The Snowball stemmer later folds ä/ö/ü to a/o/u, so users who type
 *   "kundigung" without umlauts match as well.
 */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFKC')
    .replace(/\u00ad/g, '')
    .toLocaleLowerCase('de-DE')
    .replace(/ß/g, 'ss')
    .replace(/ae/g, 'ä')
    .replace(/oe/g, 'ö')
    .replace(/(?<!q)ue/g, 'ü');
}
