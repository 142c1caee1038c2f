import { describe, expect, it } from 'vitest';
import { isAuskunftError } from '../errors.js';
import { bundledSynonyms, mergeSynonyms, parseSynonyms } from './synonyms.js';

describe('parseSynonyms', () => {
  it('reads equivalences and one-way rules, analysed like queries', () => {
    const table = parseSynonyms('# Fahrzeuge\nAuto, PKW, Kraftfahrzeuge\nChefin => Arbeitgeberin\n');
    expect(table.expand('auto')).toEqual(['pkw', 'kraftfahrzeug']);
    expect(table.expand('kraftfahrzeug')).toEqual(['auto', 'pkw']);
    expect(table.expand('chefin')).toEqual(['arbeitgeberin']);
    expect(table.expand('arbeitgeberin')).toEqual([]);
  });

  it('keeps rules with several words on the left as phrases', () => {
    const table = parseSynonyms('Geld vom Amt => Zuschuss');
    expect(table.phrases).toEqual([{ terms: ['geld', 'amt'], targets: ['zuschuss'] }]);
  });

  it('names file and line of a line it cannot use', () => {
    for (const [text, message] of [
      ['Auto, PKW\nAuto', /my-synonyms.txt:2 .*only one entry/],
      ['Auto,, PKW', /my-synonyms.txt:1 .*empty entry/],
      ['der, die, Auto', /my-synonyms.txt:1 .*"der" consists only of stop words/],
      ['a => b => c', /my-synonyms.txt:1 .*more than one "=>"/],
    ] as const) {
      const error = (() => {
        try {
          parseSynonyms(text, 'my-synonyms.txt');
        } catch (e) {
          return e;
        }
      })();
      expect(isAuskunftError(error, 'CONFIG_INVALID'), text).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('merges an editor list into the bundled one', () => {
    const merged = mergeSynonyms(bundledSynonyms(), parseSynonyms('Auto, Karre'));
    expect(merged.expand('auto')).toEqual(expect.arrayContaining(['pkw', 'kraftfahrzeug', 'karr']));
  });
});
