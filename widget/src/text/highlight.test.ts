import { describe, expect, it } from 'vitest';
import { splitHighlights } from './highlight';

const marked = (text: string, ranges: Array<[number, number]>): string =>
  splitHighlights(text, ranges)
    .map((s) => (s.mark ? `<${s.text}>` : s.text))
    .join('');

describe('splitHighlights', () => {
  it('marks ranges in text with umlauts and ß (NFC, one unit per letter)', () => {
    const text = 'Zuschüsse für Hörgeräte und Arbeitsplatzausstattung, Größe egal';
    const start = text.indexOf('Hörgeräte');
    const gr = text.indexOf('Größe');
    expect(marked(text, [[start, start + 'Hörgeräte'.length], [gr, gr + 5]])).toBe(
      'Zuschüsse für <Hörgeräte> und Arbeitsplatzausstattung, <Größe> egal',
    );
  });

  it('returns the whole text unmarked without ranges', () => {
    expect(splitHighlights('Übergangsgeld', [])).toEqual([{ text: 'Übergangsgeld', mark: false }]);
    expect(splitHighlights('', [])).toEqual([{ text: '', mark: false }]);
  });

  it('sorts, merges overlapping and touching ranges, and clamps out-of-range ones', () => {
    const text = 'Schwerbehindertenausweis beantragen';
    expect(marked(text, [[17, 24], [0, 5], [3, 10], [10, 12], [30, 99], [-5, -1]])).toBe(
      '<Schwerbehind>erten<ausweis> beant<ragen>',
    );
  });

  it('accepts reversed ranges and ignores junk', () => {
    const bad = [[5, 0], ['a', 3], [Number.NaN, 2], null] as unknown as Array<[number, number]>;
    expect(marked('Kündigungsschutz', bad)).toBe('<Kündi>gungsschutz');
  });

  it('never splits a surrogate pair (emoji)', () => {
    const text = 'Hilfe 🦽 am Arbeitsplatz';
    const i = text.indexOf('🦽');
    // A range ending in the middle of the emoji grows to include all of it.
    expect(marked(text, [[i, i + 1]])).toBe('Hilfe <🦽> am Arbeitsplatz');
  });

  it('works with decomposed umlauts as long as offsets refer to the same string', () => {
    const text = 'Fu\u0308rsorge'; // "Fürsorge" in NFD: u + combining diaeresis
    expect(marked(text, [[0, 3]])).toBe('<Fu\u0308>rsorge');
  });
});
