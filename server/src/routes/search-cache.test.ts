import type { Passage } from '@auskunft/core';
import { describe, expect, it } from 'vitest';
import type { Retriever } from '../retrieve/retrieve.js';
import { searchRoute } from './search.js';

const passage: Passage = {
  id: 0, url: 'https://www.example.de/kfz/', anchor: null, title: 'Kraftfahrzeughilfe', section: null,
  text: 'Zuschüsse für den Umbau Ihres Autos.', lang: 'de', kind: 'section',
};

/** A retriever that counts how often it is asked. */
function countingRetriever() {
  const calls: Array<{ query: string; prefix?: string }> = [];
  const retriever = {
    async retrieve(query: string, _limit?: number, options: { prefix?: string } = {}) {
      calls.push({ query, ...(options.prefix ? { prefix: options.prefix } : {}) });
      return { terms: ['umbau'], groups: [], passages: [{ passage, score: 1, bm25: 1, similarity: 0.5, coverage: 1 }] };
    },
  } as unknown as Retriever;
  return { retriever, calls };
}

describe('search response cache', () => {
  it('answers a repeated search from memory, with the same body, and still reports it', async () => {
    const { retriever, calls } = countingRetriever();
    const searches: string[] = [];
    const route = searchRoute({ retriever, maxQueryChars: 100, results: 10, cacheSize: 10, onSearch: (q) => searches.push(q) });
    const first = await (await route.request('/?q=Umbau%20Auto')).json();
    const second = await (await route.request('/?q=Umbau%20Auto')).json();
    expect(second).toEqual(first);
    expect(calls).toHaveLength(1);
    expect(searches).toEqual(['Umbau Auto', 'Umbau Auto']);
  });

  it('keeps filtered searches apart and keeps nothing with size 0', async () => {
    const cached = countingRetriever();
    const route = searchRoute({ retriever: cached.retriever, maxQueryChars: 100, results: 10, cacheSize: 10 });
    await route.request('/?q=Umbau');
    await route.request('/?q=Umbau&prefix=/kfz/');
    await route.request('/?q=Umbau&prefix=/kfz/');
    expect(cached.calls).toEqual([{ query: 'Umbau' }, { query: 'Umbau', prefix: '/kfz/' }]);

    const uncached = countingRetriever();
    const off = searchRoute({ retriever: uncached.retriever, maxQueryChars: 100, results: 10, cacheSize: 0 });
    await off.request('/?q=Umbau');
    await off.request('/?q=Umbau');
    expect(uncached.calls).toHaveLength(2);
  });
});
