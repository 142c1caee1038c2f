/**
 * Folds one word to the form both index time and query time compare.
 *
 * - NFKC turns ligatures and full-width forms into plain letters; soft hyphens (U+00AD), which
 *   CMS editors paste into long compounds, vanish instead of splitting the word.
 * - ß → ss, and the transliterations ae/oe/ue → ä/ö/ü, so that "Kuendigung", "Kündigung" and
 *   "KÜNDIGUNG" meet (Snowball's "german2" rule). Unlike german2, a pair after a vowel is kept:
 *   "Dauer", "Steuer", "neue" are diphthongs, not umlauts, and "ue" after "q" ("Quelle") too.
 *   The Snowball stemmer later folds ä/ö/ü to a/o/u, so "kundigung" matches as well.
 */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFKC')
    .replace(/\u00ad/g, '')
    .toLocaleLowerCase('de-DE')
    .replace(/ß/g, 'ss')
    .replace(/(?<![aeiouäöü])ae/g, 'ä')
    .replace(/(?<![aeiouäöü])oe/g, 'ö')
    .replace(/(?<![aeiouäöüq])ue/g, 'ü');
}
