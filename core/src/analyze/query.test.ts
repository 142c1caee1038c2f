import { describe, expect, it } from 'vitest';
import { containsPhrase, parseQuery } from './query.js';

describe('parseQuery', () => {
  it('finds phrases in German, English and straight quotes', () => {
    expect(parseQuery('„Budget für Arbeit“ Antrag').phrases).toEqual([['budget', 'arbeit']]);
    expect(parseQuery('"Budget für Ausbildung" oder “Arbeit im Betrieb”').phrases).toEqual([['budget', 'ausbild'], ['arbeit', 'betrieb']]);
    expect(parseQuery('"Kündigungsschutz').phrases).toEqual([]);
    expect(parseQuery('„Budget für Arbeit').phrases).toEqual([['budget', 'arbeit']]);
  });

  it('keeps the quoted words in the bag of words', () => {
    expect(parseQuery('„Budget für Arbeit“ Antrag').tokens.map((t) => t.term)).toEqual(['budget', 'arbeit', 'antrag']);
  });
});

describe('containsPhrase', () => {
  it('needs the terms next to each other and in order', () => {
    expect(containsPhrase(['das', 'budget', 'arbeit', 'ist'], ['budget', 'arbeit'])).toBe(true);
    expect(containsPhrase(['budget', 'ausbild', 'arbeit'], ['budget', 'arbeit'])).toBe(false);
    expect(containsPhrase(['arbeit', 'budget'], ['budget', 'arbeit'])).toBe(false);
  });
});
