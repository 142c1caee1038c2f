import { resolveSettings } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, reportUnanswered, serverSettings, unansweredCsv, type Retriever } from '../src/index.js';
import { loadIndexFromDisk } from '../src/node/load-index.js';
import { createSqliteStore } from '../src/store/sqlite.js';
import type { QueryRecord, Store } from '../src/store/store.js';
import { buildDemoIndex, openTestIndex } from './demo-index.js';

/** A week of scrubbed questions: three missing topics in several wordings, plus answered ones. */
const DECLINED = [
  'Gibt es Zuschüsse für einen Assistenzhund?',
  'Wer bezahlt meinen Assistenzhund?',
  'Assistenzhund Kosten Übernahme',
  'assistenzhunde finanzierung',
  'Hat das Museum am Ostermontag geöffnet?',
  'Ist das Industriemuseum an Feiertagen offen?',
  'Museum Feiertage Öffnungszeiten Ostern',
  'Wie beantrage ich Elterngeld?',
  'Elterngeld Antrag wo',
];

let demo: Awaited<ReturnType<typeof buildDemoIndex>>;
let retriever: Retriever;
let store: Store;
let index: Awaited<ReturnType<typeof loadIndexFromDisk>>;

beforeAll(async () => {
  demo = await buildDemoIndex();
  ({ index, retriever } = await openTestIndex(demo.outDir));
  store = createSqliteStore(':memory:');
  const day = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString();
  const records: QueryRecord[] = [
    ...DECLINED.map((query, i) => ({ at: day(100 - i), kind: 'chat' as const, query, results: 0, confident: false, generated: 'extractive' as const })),
    { at: day(50), kind: 'chat', query: 'Wer bezahlt meinen Assistenzhund?', results: 0, confident: false, generated: 'extractive' },
    { at: day(40), kind: 'search', query: 'assistenzhund', results: 0, confident: null, generated: null },
    { at: day(30), kind: 'chat', query: 'Wie beantrage ich einen Schwerbehindertenausweis?', results: 2, confident: true, generated: 'faq' },
    { at: day(20), kind: 'search', query: 'Kündigungsschutz', results: 8, confident: null, generated: null },
  ];
  for (const r of records) await store.logQuery(r);
  await store.addFeedback({ at: day(10), rating: 'down', comment: 'Hilft nicht', question: 'Museum Öffnungszeiten an Feiertagen', answer: '…', sources: [] });
  await store.addFeedback({ at: day(9), rating: 'up', comment: null, question: 'Wie beantrage ich einen Schwerbehindertenausweis?', answer: '…', sources: [] });
});

afterAll(async () => {
  await store.close();
  await demo.close();
});

describe('unanswered-questions report', () => {
  it('groups paraphrases of the same missing topic, most frequent first', async () => {
    const groups = await reportUnanswered(await store.listQueries('1970'), await store.listFeedback('1970'), retriever);
    expect(groups.map((g) => g.count)).toEqual([6, 4, 2]);
    const [dog, museum, elterngeld] = groups;
    expect(dog!.representative).toBe('Wer bezahlt meinen Assistenzhund?');
    expect(dog!.examples).toEqual(expect.arrayContaining(['Gibt es Zuschüsse für einen Assistenzhund?', 'Assistenzhund Kosten Übernahme', 'assistenzhunde finanzierung', 'assistenzhund']));
    expect(dog!.reasons).toEqual({ no_answer: 5, no_results: 1, negative_feedback: 0 });
    expect(museum!.examples).toEqual(expect.arrayContaining(['Hat das Museum am Ostermontag geöffnet?', 'Museum Öffnungszeiten an Feiertagen']));
    expect(museum!.reasons.negative_feedback).toBe(1);
    expect(museum!.nearMiss!.url).toContain('museum');
    expect(elterngeld!.examples.sort()).toEqual(['Elterngeld Antrag wo', 'Wie beantrage ich Elterngeld?']);
    // Answered questions and positive feedback are not in the report.
    expect(JSON.stringify(groups.map((g) => g.examples))).not.toContain('Schwerbehindertenausweis?');
  });

  it('exports CSV that spreadsheets open safely', () => {
    const csv = unansweredCsv([
      { representative: '=HYPERLINK("http://evil")', count: 2, reasons: { no_answer: 2, no_results: 0, negative_feedback: 0 }, examples: ['=HYPERLINK("http://evil")', 'zweite, mit Komma'], firstSeen: '2026-11-01', lastSeen: '2026-11-02', nearMiss: null },
    ]);
    const [header, row] = csv.split('\r\n');
    expect(header).toContain('"count","question"');
    expect(row).toBe('"2","\'=HYPERLINK(""http://evil"")","zweite, mit Komma","2","0","0","2026-11-01","2026-11-02","","",""');
  });
});

describe('GET /editor/unanswered', () => {
  const TOKEN = 'geheim-123-redaktion-mittelrhein';
  const app = (editorToken?: string) =>
    createApp({ retriever, manifest: index.manifest, passages: index.passages, store, settings: { ...resolveSettings(serverSettings), logEnabled: false, editorToken } });

  it('is switched off without an editor token', async () => {
    expect((await app().request('/editor/unanswered')).status).toBe(404);
  });

  it('asks for the token and accepts it as Bearer or Basic password', async () => {
    const denied = await app(TOKEN).request('/editor/unanswered');
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toContain('Basic');
    expect((await app(TOKEN).request('/editor/unanswered', { headers: { authorization: 'Bearer falsch' } })).status).toBe(401);
    const bearer = await app(TOKEN).request('/editor/unanswered', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(bearer.status).toBe(200);
    const page = await bearer.text();
    expect(page).toContain('<h1>Unbeantwortete Fragen</h1>');
    expect(page).toContain('Wer bezahlt meinen Assistenzhund?');
    const basic = await app(TOKEN).request('/editor/unanswered?format=csv', { headers: { authorization: `Basic ${btoa(`redaktion:${TOKEN}`)}` } });
    expect(basic.headers.get('content-type')).toContain('text/csv');
    expect(await basic.text()).toContain('"6","Wer bezahlt meinen Assistenzhund?"');
  });

  it('escapes citizens\' text in the page', async () => {
    await store.logQuery({ at: new Date().toISOString(), kind: 'chat', query: '<script>alert(1)</script> Schwimmbad', results: 0, confident: false, generated: 'extractive' });
    const page = await (await app(TOKEN).request('/editor/unanswered', { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;');
  });
});
