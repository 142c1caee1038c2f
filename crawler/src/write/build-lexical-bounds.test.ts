import { decompoundWork, type Passage } from '@auskunft/core';
import { describe, expect, it } from 'vitest';
import { buildLexicalIndex } from './build-lexical.js';

const passage = (id: number, text: string): Passage => ({
  id,
  url: `https://www.example.de/seite-${id}/`,
  anchor: null,
  title: 'Kraftfahrzeughilfe',
  section: null,
  text,
  lang: 'de',
  kind: 'section',
});

describe('index build with hostile words on pages', () => {
  it('indexes a page holding a 1,500-letter word without trying to split it', () => {
    const hostile = 'Kraftfahrzeughilfeantrag'.repeat(62).slice(0, 1500);
    const before = decompoundWork().piecesTried;
    const index = buildLexicalIndex([passage(0, `Den Antrag finden Sie hier: ${hostile}`), passage(1, 'Der Kraftfahrzeughilfeantrag wird beim Inklusionsamt gestellt.')]);
    const work = decompoundWork().piecesTried - before;
    // The long word is indexed as it stands; only the ordinary compound was split.
    expect(Object.keys(index.postings).some((t) => t.length > 1000)).toBe(true);
    expect(index.compounds?.['kraftfahrzeughilfeantrag']).toEqual(['kraftfahrzeug', 'hilf', 'antrag']);
    expect(work).toBeGreaterThan(0);
    expect(work).toBeLessThan(1_000);
  });
});
