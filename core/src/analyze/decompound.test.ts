import { describe, expect, it } from 'vitest';
import { analyzeTerms } from './analyze.js';
import { decompoundTerm } from './decompound.js';

const split = (word: string) => decompoundTerm(analyzeTerms(word)[0]!);

describe('decompoundTerm', () => {
  it('splits administrative compounds at their linking elements', () => {
    expect(split('Schwerbehindertenausweis')).toEqual(['schwer', 'behindert', 'ausweis']);
    // The modifier is stemmed like the word alone ("Kündigung" → kundig), so both meet.
    expect(split('Kündigungsschutz')).toEqual(['kundig', 'schutz']);
    expect(split('Lohnkostenzuschuss')).toEqual(['lohn', 'kost', 'zuschuss']);
    expect(split('Kraftfahrzeughilfe')).toEqual(['kraftfahrzeug', 'hilf']);
    expect(split('Inklusionsamt')).toEqual(['inklusion', 'amt']);
  });

  it('leaves frequent words and words with only spurious parts whole', () => {
    for (const word of ['Arbeitgeber', 'Antwort', 'Urlaub', 'Dienstag', 'beantragen', 'Kolleginnen', 'Ausweis']) {
      expect(split(word), word).toEqual(analyzeTerms(word));
    }
  });
});
