import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createD1Store } from '../src/store/d1.js';
import { createWorker, type WorkerEnv } from '../src/worker/handler.js';

/** The Worker entry's own duties inside workerd: retention cron, start-up failures, exported extras. */
const workerEnv = env as unknown as WorkerEnv & { DB: NonNullable<WorkerEnv['DB']> };
const question = (at: string, query: string) => ({ at, kind: 'search' as const, query, results: 1, confident: null, generated: null });

afterEach(() => vi.restoreAllMocks());

describe('retention cron', () => {
  it('deletes feedback and query-log entries older than the retention window', async () => {
    const store = createD1Store(workerEnv.DB);
    const old = '2020-01-01T00:00:00.000Z';
    await store.logQuery(question(old, 'Schwerbehindertenausweis verlängern'));
    await store.addFeedback({ at: old, rating: 'up', comment: null, question: 'Alte Frage', answer: 'Alte Antwort [1]', sources: [] });
    await store.logQuery(question(new Date().toISOString(), 'Kündigungsschutz Probezeit'));
    const ctx = createExecutionContext();
    await createWorker().scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '17 3 * * *' }), { ...workerEnv, AUSKUNFT_RETENTION_DAYS: '30' }, ctx);
    await waitOnExecutionContext(ctx);
    const kept = (await store.listQueries('1970-01-01')).map((q) => q.query);
    expect(kept).toContain('Kündigungsschutz Probezeit');
    expect(kept).not.toContain('Schwerbehindertenausweis verlängern');
    expect((await store.listFeedback('1970-01-01')).map((f) => f.question)).not.toContain('Alte Frage');
  });
});

describe('exported extras', () => {
  it("applies the editors' synonym list exported into the assets", async () => {
    const ctx = createExecutionContext();
    const res = await createWorker().fetch(new Request('https://auskunft.example/api/search?q=Blechkiste'), workerEnv, ctx);
    await waitOnExecutionContext(ctx);
    const body = await res.json<{ results: Array<{ url: string }> }>();
    expect(new URL(body.results[0]!.url).pathname).toBe('/inklusionsamt/kraftfahrzeughilfe/');
  });
});

describe('start-up failures', () => {
  const request = async (overrides: Partial<WorkerEnv>) => {
    const errors: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void errors.push(line));
    const ctx = createExecutionContext();
    const res = await createWorker().fetch(new Request('https://auskunft.example/api/search?q=Ausweis'), { ...workerEnv, ...overrides }, ctx);
    await waitOnExecutionContext(ctx);
    return { res, errors: errors.join('\n') };
  };

  it('answers 503 in German and logs why when the index is missing from the assets', async () => {
    const { res, errors } = await request({ ASSETS: { fetch: async () => new Response('Not found', { status: 404 }) } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await res.json()).error).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('nicht verfügbar') });
    expect(errors).toContain('start_failed');
    expect(errors).toContain('manifest.json in the Worker');
    expect(errors).toContain('auskunft export-worker');
  });

  it('refuses an index built with another embedder', async () => {
    const { res, errors } = await request({ AUSKUNFT_EMBEDDER_DIMENSION: '256' });
    expect(res.status).toBe(503);
    expect(errors).toMatch(/built with embedder .* configured for/);
  });

  it('names every invalid setting', async () => {
    const { res, errors } = await request({ AUSKUNFT_SEARCH_RESULTS: 'viele', AUSKUNFT_CHAT_RATE_LIMIT: '-1' });
    expect(res.status).toBe(503);
    expect(errors).toContain('AUSKUNFT_SEARCH_RESULTS');
    expect(errors).toContain('AUSKUNFT_CHAT_RATE_LIMIT');
  });
});

describe('Cloudflare Vectorize instead of vectors.hnsw', () => {
  it('searches the Vectorize binding and needs no vector file in the assets', async () => {
    const queries: Array<{ topK: number; namespace?: string; length: number }> = [];
    const VECTORIZE = {
      async query(vector: Float32Array | number[], options: { topK: number; namespace?: string }) {
        queries.push({ topK: options.topK, namespace: options.namespace, length: vector.length });
        const version = options.namespace!;
        return { count: 3, matches: [0, 1, 2].map((id, i) => ({ id: `${version}/${id}`, score: 0.9 - i * 0.1 })) };
      },
    };
    const assets = workerEnv.ASSETS;
    const withoutVectors = {
      fetch: (input: Request | URL) => {
        const path = new URL(input instanceof URL ? input : input.url).pathname;
        return path === '/vectors.hnsw' ? Promise.resolve(new Response('Not found', { status: 404 })) : assets.fetch(input as Request);
      },
    };
    const ctx = createExecutionContext();
    const res = await createWorker().fetch(new Request('https://auskunft.example/api/search?q=Kraftfahrzeughilfe%20Umbau'), { ...workerEnv, ASSETS: withoutVectors, VECTORIZE }, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
    const body = await res.json<{ results: Array<{ url: string }> }>();
    expect(new URL(body.results[0]!.url).pathname).toBe('/inklusionsamt/kraftfahrzeughilfe/');
    expect(queries.length).toBe(1);
    expect(queries[0]!.topK).toBeLessThanOrEqual(100);
    expect(queries[0]!.namespace).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{4}$/);
    expect(queries[0]!.length).toBe(512);
  });
});
