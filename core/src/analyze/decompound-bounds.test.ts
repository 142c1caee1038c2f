import { describe, expect, it } from 'vitest';
import { analyzeTerms } from './analyze.js';
import { longestWordStem } from './wordlist.js';
import { MAX_COMPOUND_LENGTH, decompoundTerm, decompoundWork, splitCompound } from './decompound.js';

const term = (word: string) => analyzeTerms(word)[0]!;

describe('compound splitting does bounded work', () => {
  it('tries at most the longest possible part times the links per letter', () => {
    const longest = term('Kraftfahrzeughilfeantrag'.repeat(4).slice(0, MAX_COMPOUND_LENGTH));
    const tried = splitCompound(longest).piecesTried;
    expect(tried).toBeGreaterThan(0);
    expect(tried).toBeLessThanOrEqual(longest.length * (longestWordStem() + 6) * 8);
    // Without the bound every piece of every length is looked up: thousands for this word.
    expect(tried).toBeLessThan(2_000);
  });

  it('does not try to split a 1,500-letter word, and leaves it whole', () => {
    const hostile = term('Kraftfahrzeughilfeantrag'.repeat(62));
    expect(hostile.length).toBeGreaterThan(MAX_COMPOUND_LENGTH);
    expect(splitCompound(hostile)).toEqual({ parts: [hostile], piecesTried: 0 });
  });

  it('still splits long real compounds, and words as long as the longest of German law are tried', () => {
    expect(decompoundTerm(term('Kraftfahrzeughilfeverordnung'))).toEqual(['kraftfahrzeug', 'hilf', 'verordn']);
    expect(decompoundTerm(term('Schwerbehindertenausweisverlängerungsantrag'))).toEqual(['schwer', 'behindert', 'ausweis', 'verlanger', 'antrag']);
    expect(term('Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung').length).toBeLessThanOrEqual(MAX_COMPOUND_LENGTH);
  });

  it('counts the pieces it tries for every word it splits', () => {
    const before = decompoundWork().piecesTried;
    decompoundTerm(term('Arbeitsplatzausstattungszuschuss'));
    expect(decompoundWork().piecesTried).toBeGreaterThan(before);
  });
});
