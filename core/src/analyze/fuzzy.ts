/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions, each
 * substring edited once), or `max + 1` as soon as the distance must exceed `max`. Written here
 * because typo lookup compares a query word with every vocabulary term of similar length and
 * needs the early exit; the npm packages compute full distances or plain Levenshtein.
 *
 * @example boundedDamerauLevenshtein('kundigunsschutz', 'kundigungsschutz', 2) // → 1
 */
export function boundedDamerauLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, max + 1);
}

/**
 * How many typos a word of this length may carry and still be matched: none below five letters
 * ("Amt" and "Arzt" are different words), one up to seven, two from eight.
 */
export function allowedTypos(length: number): number {
  if (length < 5) return 0;
  return length < 8 ? 1 : 2;
}
