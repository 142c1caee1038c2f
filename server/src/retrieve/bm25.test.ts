import { analyzeTerms, type LexicalIndex } from '@auskunft/core';
import { describe, expect, it } from 'vitest';
import { createBm25 } from './bm25.js';
import type { QueryGroup } from './expand-query.js';

const SENTENCES = [
  'Den Antrag auf einen Schwerbehindertenausweis stellen Sie beim Versorgungsamt.',
  'Die Kraftfahrzeughilfe bezuschusst den Umbau und den Kauf eines Autos.',
  'Arbeitgeber zahlen eine Ausgleichsabgabe, wenn sie zu wenige schwerbehinderte Menschen beschäftigen.',
  'Der Kündigungsschutz gilt für schwerbehinderte Beschäftigte nach sechs Monaten.',
  'Für die Arbeitsassistenz brauchen Sie einen Antrag und einen Nachweis des Arbeitgebers.',
  'Das Budget für Arbeit ersetzt den Lohn in der Werkstatt teilweise.',
  'Bei Verlust des Ausweises stellen wir einen Ersatzausweis aus.',
];

/** Passages made of the sentences in different mixes, with a BM25 index as the crawler writes it. */
function lexicalIndex(count: number): LexicalIndex {
  const postings = new Map<string, number[]>();
  const lengths: number[] = [];
  for (let id = 0; id < count; id++) {
    const text = SENTENCES.filter((_, i) => (id * 7 + i * 3) % 5 < 2 + (id % 3)).join(' ');
    const tf = new Map<string, number>();
    for (const term of analyzeTerms(text)) tf.set(term, (tf.get(term) ?? 0) + 1 + (id % 2));
    let length = 0;
    for (const [term, n] of tf) {
      length += n;
      postings.set(term, [...(postings.get(term) ?? []), id, n]);
    }
    lengths.push(length);
  }
  return { formatVersion: 1, passageCount: count, averageLength: lengths.reduce((a, b) => a + b, 0) / count, lengths, postings: Object.fromEntries(postings) };
}

/** Textbook BM25 with the same dis-max over alternatives, kept in Maps: what the typed arrays must reproduce. */
function reference(index: LexicalIndex, groups: readonly QueryGroup[], limit: number, accept?: (id: number) => boolean) {
  const idf = (term: string) => {
    const df = (index.postings[term]?.length ?? 0) / 2;
    return Math.log(1 + (index.passageCount - df + 0.5) / (df + 0.5));
  };
  const scores = new Map<number, number>();
  for (const group of groups) {
    const best = new Map<number, number>();
    for (const alternative of group.alternatives) {
      const postings = index.postings[alternative.term] ?? [];
      for (let i = 0; i < postings.length; i += 2) {
        const id = postings[i]!;
        if (accept && !accept(id)) continue;
        const tf = postings[i + 1]!;
        const score = (idf(alternative.term) * alternative.weight * (tf * 2.2)) / (tf + 1.2 * (1 - 0.75 + (0.75 * index.lengths[id]!) / index.averageLength));
        if (score > (best.get(id) ?? 0)) best.set(id, score);
      }
    }
    for (const [id, score] of best) scores.set(id, (scores.get(id) ?? 0) + score * group.weight);
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit);
}

const group = (term: string, alternatives: Array<[string, number]>, weight = 1): QueryGroup => ({
  term,
  weight,
  alternatives: alternatives.map(([t, w]) => ({ term: t, weight: w, kind: w === 1 ? 'exact' : 'compound' })),
});

describe('BM25 search', () => {
  const index = lexicalIndex(400);
  const bm25 = createBm25(index);
  const queries: QueryGroup[][] = [
    [group('antrag', [['antrag', 1]]), group('ausweis', [['ausweis', 1], ['schwerbehindertenausweis', 0.7], ['ersatzausweis', 0.7]])],
    [group('arbeitgeb', [['arbeitgeb', 1]]), group('zahl', [['zahl', 1]], 0.5), group('lohn', [['lohn', 1]])],
    [group('kundigungsschutz', [['kundigungsschutz', 1]]), group('schutz', [['kundigungsschutz', 1]], 0.25)],
    [group('elterngeld', [])],
  ];

  it('ranks exactly as a straightforward BM25 does, ties by passage id, also after many queries', () => {
    for (let round = 0; round < 3; round++) {
      for (const groups of queries) {
        for (const limit of [1, 5, 50, 1000]) expect(bm25.search(groups, limit)).toEqual(reference(index, groups, limit));
      }
    }
    expect(bm25.search(queries[0]!, 50).length).toBe(50);
  });

  it('applies a filter before ranking and recovers when the filter fails mid-search', () => {
    const even = (id: number) => id % 2 === 0;
    expect(bm25.search(queries[0]!, 20, even)).toEqual(reference(index, queries[0]!, 20, even));
    let calls = 0;
    const failing = () => {
      if (++calls > 30) throw new RangeError('filter failed');
      return true;
    };
    expect(() => bm25.search(queries[1]!, 20, failing)).toThrow('filter failed');
    expect(bm25.search(queries[1]!, 20)).toEqual(reference(index, queries[1]!, 20));
  });
});
