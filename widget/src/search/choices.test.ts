import { describe, expect, it } from 'vitest';
import { choicesFor, fitChoices } from './choices';
import type { SearchState } from './useSearch';

const result = (n: number) => ({
  url: `https://lvmr.example/seite-${n}/`,
  title: `Seite ${n}`,
  section: null,
  sectionUrl: `https://lvmr.example/seite-${n}/#antrag`,
  snippet: 'Den Antrag stellen Sie beim Inklusionsamt.',
  highlights: [] as Array<[number, number]>,
  score: 1 / n,
});
const done = (count: number): SearchState => ({ status: 'done', query: 'Antrag', results: Array.from({ length: count }, (_, i) => result(i + 1)), error: '' });

describe('fitChoices', () => {
  it('keeps every option when all results fit', () => {
    const all = choicesFor(done(3), [], true, 'https://lvmr.example');
    expect(fitChoices(all, 3)).toBe(all);
  });

  it('shows the first results, then "show all" with the full count, then the assistant', () => {
    const fitted = fitChoices(choicesFor(done(8), [], true, 'https://lvmr.example'), 2);
    expect(fitted.map((c) => c.kind)).toEqual(['result', 'result', 'all', 'assistant']);
    expect(fitted[2]).toEqual({ kind: 'all', count: 8 });
    expect(fitted[0]).toMatchObject({ href: 'https://lvmr.example/seite-1/#antrag' });
  });
});
