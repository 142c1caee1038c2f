import { MAX_COMPOUND_LENGTH, decompoundWork, resolveSettings } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, serverSettings } from '../src/index.js';
import { createSqliteStore } from '../src/store/sqlite.js';
import { buildDemoIndex, openTestIndex } from './demo-index.js';

let demo: Awaited<ReturnType<typeof buildDemoIndex>>;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  demo = await buildDemoIndex();
  const { index, retriever } = await openTestIndex(demo.outDir);
  const settings = { ...resolveSettings(serverSettings), logEnabled: false, searchCacheSize: 0, editorToken: 'redaktion-geheim-2026-lang-genug' };
  app = createApp({ retriever, manifest: index.manifest, passages: index.passages, settings, store: createSqliteStore(':memory:'), clientAddress: () => '203.0.113.9' });
});

afterAll(() => demo.close());

/** Pieces of words looked up in the word list while `work` runs. */
async function piecesTried(work: () => Promise<unknown>): Promise<number> {
  const before = decompoundWork().piecesTried;
  await work();
  return decompoundWork().piecesTried - before;
}

const search = (q: string) => app.request(`/api/search?q=${encodeURIComponent(q)}`);
// Upper bound on pieces per word (see decompound.ts): start positions × longest part × links.
const PIECES_PER_WORD = MAX_COMPOUND_LENGTH * 40 * 8;

describe('no request can make text analysis expensive', () => {
  it('answers a search for one 1,500-letter word, and /healthz beside it, without splitting the word', async () => {
    const hostile = 'Kraftfahrzeughilfeantrag'.repeat(62).slice(0, 1500);
    let health: Response | undefined;
    let found: Response | undefined;
    const work = await piecesTried(async () => ([found, health] = await Promise.all([search(hostile), app.request('/healthz')])));
    expect(found!.status).toBe(200);
    expect(health!.status).toBe(200);
    expect(work).toBe(0);
  });

  it('costs a question full of long made-up compounds no more than a bounded amount per word', async () => {
    // Distinct long words the decompounder has not seen (so its cache cannot hide the work).
    const words = Array.from({ length: 20 }, (_, i) => `Schwerbehindertenausweisverlängerungsantragsformular${'abcdefghijklmnopqrst'[i]}nachweis`);
    const response = await search(words.join(' '));
    expect(response.status).toBe(200);
    const work = await piecesTried(() => search(words.map((w) => `${w}x`).join(' ')));
    expect(work).toBeGreaterThan(0);
    expect(work).toBeLessThanOrEqual(words.length * PIECES_PER_WORD);
  });

  it('chat, feedback and the editors’ report with the long word do no splitting work either', async () => {
    const hostile = `Hallo, ${'Kraftfahrzeughilfeantrag'.repeat(60)} bitte`;
    const work = await piecesTried(async () => {
      const chat = await app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: hostile }) });
      await chat.text();
      const feedback = await app.request('/api/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rating: 'down', question: hostile, answer: 'Dazu habe ich nichts gefunden.' }),
      });
      expect(feedback.status).toBe(204);
      const report = await app.request('/editor/unanswered?format=json', { headers: { authorization: 'Bearer redaktion-geheim-2026-lang-genug' } });
      expect(report.status).toBe(200);
    });
    expect(work).toBe(0);
  });
});
