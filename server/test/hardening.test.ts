import { resolveSettings } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, serverSettings, type ServerSettings } from '../src/index.js';
import { loadIndexFromDisk } from '../src/node/load-index.js';
import { createSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/store.js';
import { buildDemoIndex, DEMO_FAQ_DIR, openTestIndex } from './demo-index.js';
import { readSseEvents } from './sse.js';

let demo: Awaited<ReturnType<typeof buildDemoIndex>>;
let makeApp: (overrides?: Partial<ServerSettings>, clientAddress?: string) => { app: ReturnType<typeof createApp>; store: Store; logs: string[] };

beforeAll(async () => {
  demo = await buildDemoIndex();
  const { index, retriever } = await openTestIndex(demo.outDir);
  makeApp = (overrides = {}, clientAddress = '203.0.113.7') => {
    const settings = { ...resolveSettings(serverSettings), ...overrides };
    const store = createSqliteStore(':memory:');
    const logs: string[] = [];
    const logger = { log: (level: string, event: string, fields: Record<string, unknown> = {}) => void logs.push(JSON.stringify({ level, event, ...fields })) };
    const app = createApp({ retriever, manifest: index.manifest, passages: index.passages, settings, store, logger, clientAddress: () => clientAddress });
    return { app, store, logs };
  };
});

afterAll(() => demo.close());

const post = (app: ReturnType<typeof createApp>, path: string, body: unknown) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function chatDone(app: ReturnType<typeof createApp>, message: string) {
  return (await readSseEvents(await post(app, '/api/chat', { message }))).at(-1)!.data;
}

describe('abstention: the bot declines and hands off', () => {
  const outOfScope = [
    'Wie wird das Wetter morgen in Köln?',
    'Wo beantrage ich Kindergeld?',
    'Wie beantrage ich einen Reisepass?',
    'Wann ist die nächste Bundestagswahl?',
    'Wie melde ich meinen Wohnsitz um?',
  ];
  it.each(outOfScope)('declines the other authority\'s or unrelated matter: %s', async (question) => {
    const { app } = makeApp();
    const done = await chatDone(app, question);
    expect(done.confident).toBe(false);
    expect(done.sources).toEqual([]);
    expect(new URL(done.handoff.url).pathname).toBe('/kontakt/');
  });

  const personalCases = [
    'Mein Chef will mir kündigen. Habe ich Anspruch auf eine Abfindung?',
    'Bekomme ich mit einem GdB von 30 einen Schwerbehindertenausweis?',
    'Darf mein Arbeitgeber mich in der Probezeit einfach kündigen?',
    'Steht mir in meinem Fall Kraftfahrzeughilfe zu?',
  ];
  it.each(personalCases)('never assesses the asker\'s own case: %s', async (question) => {
    const { app } = makeApp();
    const done = await chatDone(app, question);
    expect(done.confident).toBe(false);
    expect(done.answer).toContain('kann ich nicht beurteilen');
    expect(done.declined).toBe('personal-assessment');
    expect(done.answer).toContain(`Bitte wenden Sie sich an: ${done.handoff.contact?.name ?? done.handoff.title}`);
  });
});

describe('privacy', () => {
  it('logs and stores questions only after scrubbing, and never the client address', async () => {
    const { app, store, logs } = makeApp();
    await chatDone(app, 'Ich heiße Erika Mustermann, Tel. 0171 2345678. Wie beantrage ich einen Schwerbehindertenausweis?');
    await app.request('/api/search?q=Ausweis%20verloren%20erika%40example.org');
    const queries = await store.listQueries('1970-01-01');
    expect(queries.map((q) => q.query)).toEqual([
      'Ich heiße [Name], Tel. [Telefon]. Wie beantrage ich einen Schwerbehindertenausweis?',
      'Ausweis verloren [E-Mail]',
    ]);
    expect(queries.map((q) => q.kind)).toEqual(['chat', 'search']);
    const everything = JSON.stringify(queries) + logs.join('\n');
    for (const secret of ['Mustermann', '2345678', 'erika@example.org', '203.0.113.7', '203.0.113']) expect(everything).not.toContain(secret);
  });

  it('logs the truncated network only when configured', async () => {
    const { app, logs } = makeApp({ logClientNetwork: true });
    await app.request('/healthz');
    expect(logs.at(-1)).toContain('"network":"203.0.113.0/24"');
    expect(logs.join()).not.toContain('203.0.113.7');
  });

  it('keeps nothing when the query log is switched off', async () => {
    const { app, store } = makeApp({ queryLog: false });
    await app.request('/api/search?q=Kündigungsschutz');
    expect(await store.listQueries('1970-01-01')).toEqual([]);
  });

  it('deletes entries older than the retention window', async () => {
    const store = createSqliteStore(':memory:');
    await store.logQuery({ at: '2020-01-01T00:00:00.000Z', kind: 'search', query: 'alt', results: 1, confident: null, generated: null });
    await store.logQuery({ at: new Date().toISOString(), kind: 'search', query: 'neu', results: 1, confident: null, generated: null });
    expect(await store.purgeOlderThan(new Date(Date.now() - 86_400_000).toISOString())).toBe(1);
    expect((await store.listQueries('1970-01-01')).map((q) => q.query)).toEqual(['neu']);
  });
});

describe('rate limiting', () => {
  it('can be switched off for load tests', async () => {
    const { app } = makeApp({ searchRateLimit: 0 });
    for (let i = 0; i < 150; i++) expect((await app.request('/api/search?q=Ausweis')).status).toBe(200);
  });
});

describe('operations', () => {
  it('exposes Prometheus metrics with request counts, latencies and the no-answer rate', async () => {
    const { app } = makeApp();
    await app.request('/api/search?q=Ausweis');
    await chatDone(app, 'Wie wird das Wetter morgen?');
    const text = await (await app.request('/metrics')).text();
    expect(text).toMatch(/auskunft_http_requests_total\{route="\/api\/search",method="GET",status="200"\} 1/);
    expect(text).toMatch(/auskunft_http_request_duration_seconds_count\{route="\/api\/search"\} 1/);
    expect(text).toMatch(/auskunft_chat_answers_total\{generated="extractive",outcome="no_answer"\} 1/);
  });
});

describe('search filters', () => {
  it('restricts results to a URL prefix and a language, and rejects bad filters', async () => {
    const { app } = makeApp();
    const body = await (await app.request('/api/search?q=Öffnungszeiten&prefix=/museum/')).json();
    expect(body.results.length).toBeGreaterThan(0);
    for (const r of body.results) expect(new URL(r.url).pathname.startsWith('/museum/')).toBe(true);
    const german = await (await app.request('/api/search?q=Ausweis&lang=de')).json();
    expect(german.results.length).toBeGreaterThan(0);
    expect((await (await app.request('/api/search?q=Ausweis&lang=en')).json()).results).toEqual([]);
    const bad = await app.request('/api/search?q=Ausweis&prefix=museum');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'INVALID_FILTER', message: expect.stringContaining('Der Filter „prefix“ muss ein Pfad') });
  });
});

describe('index compatibility', () => {
  it('refuses an index built with another text analysis', async () => {
    const { readFile, writeFile, cp, mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const copy = await mkdtemp(join(tmpdir(), 'auskunft-old-analysis-'));
    try {
      await cp(demo.outDir, copy, { recursive: true });
      const version = (await readFile(join(copy, 'CURRENT'), 'utf8')).trim();
      const manifestPath = join(copy, 'versions', version, 'manifest.json');
      const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
      delete manifest.analysis;
      await writeFile(manifestPath, JSON.stringify(manifest));
      await expect(loadIndexFromDisk(copy)).rejects.toThrow(/text analysis version 1; this server analyses queries with version \d+/);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});

describe('small talk', () => {
  it.each(['Hallo!', 'Guten Morgen', 'Danke', 'Vielen Dank!', 'Tschüss'])('answers "%s" briefly without searching or citing', async (message) => {
    const { app, store } = makeApp();
    const done = await chatDone(app, message);
    expect(done.sources).toEqual([]);
    expect(done.answer).not.toMatch(/\[\d+\]/);
    expect(done.confident).toBe(true);
    expect((await store.listQueries('1970'))[0]).toMatchObject({ kind: 'chat', confident: true });
  });

  it('still answers a question that starts with a greeting', async () => {
    const { app } = makeApp();
    const done = await chatDone(app, 'Hallo, wie beantrage ich einen Schwerbehindertenausweis?');
    expect(done.sources.length).toBeGreaterThan(0);
  });
});

describe('editors\' FAQ answers', () => {
  let withFaq: Awaited<ReturnType<typeof buildDemoIndex>>;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    withFaq = await buildDemoIndex({ faqDir: DEMO_FAQ_DIR });
    const { index, retriever } = await openTestIndex(withFaq.outDir);
    app = createApp({ retriever, manifest: index.manifest, passages: index.passages, settings: { ...resolveSettings(serverSettings), logEnabled: false } });
  });

  afterAll(() => withFaq.close());

  it('answers verbatim when the question is the FAQ\'s own, with its Leichte-Sprache version', async () => {
    const done = await chatDone(app, 'Ich habe meinen Schwerbehindertenausweis verloren. Was mache ich?');
    expect(done.generated).toBe('faq');
    expect(done.sources[0].url).toContain('verlust');
    expect(done.easyLanguage).toContain('Ausweis');
  });

  it('does not answer with an FAQ that only shares words with the question (regression: used-car FAQ for "Umbau")', async () => {
    const done = await chatDone(app, 'Wer zahlt den Umbau meines Autos?');
    expect(done.answer).not.toContain('Gebrauchtwagen');
    expect(done.generated).toBe('extractive');
    expect(done.sources.map((s: { url: string }) => new URL(s.url).pathname)).toContain('/inklusionsamt/kraftfahrzeughilfe/');
  });
});
