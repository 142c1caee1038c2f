import { allowedTypos, boundedDamerauLevenshtein, type LexicalIndex } from '@auskunft/core';
import { describe, expect, it } from 'vitest';
import { createVocabulary } from './vocabulary.js';

const WORDS = ['antrag', 'ausweis', 'arbeit', 'assistenz', 'zuschuss', 'kündigung', 'schutz', 'kraftfahrzeug', 'hilfe', 'wohnung', 'umbau', 'beratung',
  'gleichstellung', 'eingliederung', 'ausgleich', 'abgabe', 'budget', 'werkstatt', 'lohn', 'kosten', 'frist', 'bescheid', 'widerspruch', 'nachweis',
  'behinderung', 'schwer', 'fahrzeug', 'führerschein', 'arbeitgeber', 'arbeitsplatz', 'technisch', 'dienst', 'integration', 'fach', 'leistung', 'teilhabe',
  'gebärdensprache', 'dolmetsch', 'blindengeld', 'pflege', 'schule', 'begleitung', 'förderung', 'prüfung', 'merkzeichen', 'parkausweis', 'ersatz', 'verlust'];

/** What `similar` did before the bigram index: compare the word with every term of similar length. */
function scanAll(terms: readonly string[], word: string): string[] {
  const max = allowedTypos(word.length);
  if (max === 0) return [];
  const found: string[] = [];
  for (const term of terms) {
    if (term.length < word.length - max - 3 || term.length > word.length + max || allowedTypos(term.length) === 0) continue;
    let distance = boundedDamerauLevenshtein(word, term, max);
    if (distance > max && word.length > term.length) {
      const prefix = boundedDamerauLevenshtein(word.slice(0, term.length), term, max - 1);
      if (prefix < max && word.length - term.length <= 3) distance = prefix + 1;
    }
    if (distance <= max) found.push(term);
  }
  return found.sort();
}

/** Deterministic misspellings: dropped, doubled, swapped and replaced letters, and inflection endings. */
function misspellings(word: string, seed: number): string[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  const edit = (w: string): string => {
    const at = next(w.length);
    switch (next(4)) {
      case 0: return w.slice(0, at) + w.slice(at + 1);
      case 1: return w.slice(0, at) + w[at] + w.slice(at);
      case 2: return at + 1 < w.length ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2) : w;
      default: return w.slice(0, at) + 'aeiounrst'[next(9)] + w.slice(at + 1);
    }
  };
  return [edit(word), edit(edit(word)), edit(edit(edit(word))), `${word}en`, `${edit(word)}ens`, `${word}s`];
}

describe('typo lookup through the bigram index', () => {
  const terms = [...new Set([...WORDS, ...WORDS.flatMap((a) => WORDS.map((b) => a + b))])];
  const lexical: LexicalIndex = {
    formatVersion: 1,
    passageCount: 1,
    averageLength: 1,
    lengths: [1],
    postings: Object.fromEntries(terms.map((t) => [t, [0, 1]])),
  };
  const vocabulary = createVocabulary(lexical);

  it('finds exactly the terms a comparison with every term finds', () => {
    let compared = 0;
    let nonEmpty = 0;
    WORDS.forEach((word, i) => {
      for (const typed of [...misspellings(word, i + 1), ...misspellings(`${word}${WORDS[(i * 7) % WORDS.length]}`, i + 100)]) {
        const expected = scanAll(terms, typed);
        expect(vocabulary.similar(typed, Number.MAX_SAFE_INTEGER).map((s) => s.term).sort(), typed).toEqual(expected);
        compared++;
        if (expected.length > 0) nonEmpty++;
      }
    });
    expect(compared).toBe(WORDS.length * 12);
    expect(nonEmpty).toBeGreaterThan(compared / 2);
  });

  it('corrects typical misspellings of compounds', () => {
    expect(vocabulary.similar('kündigunsschutz')[0]).toEqual({ term: 'kündigungschutz', distance: 1 });
    expect(vocabulary.similar('kraftfarzeughilfe').map((s) => s.term)).toContain('kraftfahrzeughilfe');
  });
});
