import { join } from 'node:path';
import { createHashedNgramEmbedder, resolveSettings } from '@auskunft/core';
import { createApp, createRetriever, serverSettings, type ServerSettings, type VectorSearch } from '@auskunft/server';
import { openIndexOnDisk } from '@auskunft/server/node';
import { INDEX_SUBDIR, VECTORS_FILE } from './build-index.js';
import { createExactSearch, readVectorsFile } from './exact-search.js';
import { loadHnswlib, openHnswSweep } from './hnsw-sweep.js';
import { loadPlainHnsw } from './plain-hnsw.js';
import { benchQueries } from './queries.js';
import { summarise, timeEach, type Latency } from './stats.js';

export interface MeasureOptions {
  /** Directory written by `buildBenchIndex`. */
  dir: string;
  /** ef values for the recall sweep; the server's `search.hnswEf` is added. */
  efSweep: number[];
  /** Generated queries on top of the 140 evaluation questions. */
  generatedQueries: number;
}

export interface SearchMeasurement {
  size: number;
  ef: number;
  queries: number;
  /** Start-up: reading, checking and parsing the index and opening the HNSW file. */
  load: { ms: number; rssMiB: number; heapMiB: number };
  /** Milliseconds per query for each stage and path, by name. */
  latency: Record<string, Latency>;
  /** HNSW against exact search: recall@10 (k = 10) and recall@50 (k = 50, what the retriever asks for). */
  recall: Array<{ ef: number; recallAt10: number; recallAt50: number; latency: Latency }>;
  /** Share of the top-10 pages of /api/search that stay the same when HNSW is replaced by exact search. */
  hybridAgreement: number;
  /** Chat (extractive): time to the first SSE event and to the end of the stream. */
  chat: { firstEvent: Latency; complete: Latency };
}

/**
 * Loads one bench index as the Node server does and times search at every level: the query
 * embedding, HNSW alone, lexical retrieval, the hybrid `retriever.retrieve`, `GET /api/search`
 * through the Hono app, the same with exact vectors instead of HNSW, a brute-force vector scan
 * alone, and chat (time to first event). Each measured query runs once after a separate warm-up.
 */
export async function measureSearch(options: MeasureOptions): Promise<SearchMeasurement> {
  const settings: ServerSettings = resolveSettings(serverSettings, {
    env: {},
    overrides: { indexDir: join(options.dir, INDEX_SUBDIR), searchRateLimit: 0, chatRateLimit: 0, logEnabled: false, queryLog: false, maxQueryChars: 0 },
  });
  const embedder = createHashedNgramEmbedder();
  const started = performance.now();
  const { index, retriever } = await openIndexOnDisk(settings, embedder);
  const loadMs = performance.now() - started;
  const memory = process.memoryUsage();
  const { passages, manifest } = index;
  const dimension = manifest.embedder.dimension;

  const queries = await benchQueries(passages, { generated: options.generatedQueries, warmup: 100 });
  const { warmup, measured } = queries;
  const exact = createExactSearch(await readVectorsFile(join(options.dir, VECTORS_FILE)), dimension);
  const plain = await loadPlainHnsw(index.vectorsPath, dimension, settings.hnswEf);
  const sweep = await openHnswSweep(index.vectorsPath, dimension);
  const retrieverWith = (vectors: VectorSearch) =>
    createRetriever({ passages, lexical: index.lexical, vectors, embedder, minVectorSimilarity: settings.minVectorSimilarity, vectorWeight: settings.vectorWeight });
  const appWith = (r: typeof retriever) => createApp({ retriever: r, manifest, passages, settings });
  const search = (target: ReturnType<typeof appWith>) => async (q: string) => {
    const res = await target.request(`/api/search?q=${encodeURIComponent(q)}`);
    if (res.status !== 200) throw new Error(`/api/search?q=${q} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { results: Array<{ url: string }> };
  };

  const r1 = retrieverWith(await loadHnswlib(index.vectorsPath, dimension, settings.hnswEf));
  const plainRetriever = retrieverWith(plain ?? exact);
  const exactRetriever = retrieverWith(exact);
  const exactApp = appWith(retrieverWith(exact));

  // Each path gets its own retriever, so none profits from what another one analysed and cached
  // for the same queries (candidate passages' titles and headings).
  const latency: Record<string, Latency> = {};
  latency['query embedding (built-in)'] = await timeEach(measured, (q) => embedder.embed([q], 'query'), warmup);
  latency['GET /api/search'] = await timeEach(measured, search(appWith(retriever)), warmup);
  latency['retriever.retrieve (hybrid)'] = await timeEach(measured, (q) => r1.retrieve(q, 40), warmup);
  latency['  BM25 + expansion only'] = await timeEach(measured, (q) => r1.retrieve(q, 40, { rankers: 'lexical' }), warmup);
  latency['  BM25 without expansion'] = await timeEach(measured, (q) => r1.retrieve(q, 40, { rankers: 'lexical', expand: false }), warmup);
  const queryVectors = new Map<string, Float32Array>();
  for (const q of [...warmup, ...measured]) queryVectors.set(q, (await embedder.embed([q], 'query'))[0]!);
  sweep.setEf(settings.hnswEf);
  latency['  HNSW k=50 alone (hnswlib-node)'] = await timeEach(measured, (q) => sweep.search(queryVectors.get(q)!, 50), warmup);
  if (plain) {
    latency['  HNSW k=50 alone (plain TS, Workers)'] = await timeEach(measured, (q) => plain.search(queryVectors.get(q)!, 50), warmup);
    latency['retriever.retrieve (plain TS HNSW, Workers)'] = await timeEach(measured, (q) => plainRetriever.retrieve(q, 40), warmup);
  }
  latency['exact vector scan k=50 alone'] = await timeEach(measured, (q) => exact.search(queryVectors.get(q)!, 50), warmup.slice(0, 10));
  latency['retriever.retrieve (exact vectors)'] = await timeEach(measured, (q) => exactRetriever.retrieve(q, 40), warmup.slice(0, 10));
  latency['GET /api/search (exact vectors)'] = await timeEach(measured, search(exactApp), warmup.slice(0, 10));

  const truth = measured.map((q) => {
    const top = exact.search(queryVectors.get(q)!, 50);
    return { at10: new Set(top.slice(0, 10).map((h) => h.id)), at50: new Set(top.map((h) => h.id)) };
  });
  const recall = [];
  for (const ef of [...new Set([...options.efSweep, settings.hnswEf])].sort((a, b) => a - b)) {
    sweep.setEf(ef);
    let found10 = 0;
    let found50 = 0;
    const samples: number[] = [];
    measured.forEach((q, i) => {
      const vector = queryVectors.get(q)!;
      const { at10, at50 } = truth[i]!;
      const started = performance.now();
      const hits10 = sweep.search(vector, 10);
      samples.push(performance.now() - started);
      found10 += hits10.filter((h) => at10.has(h.id)).length / Math.max(1, at10.size);
      found50 += sweep.search(vector, 50).filter((h) => at50.has(h.id)).length / Math.max(1, at50.size);
    });
    recall.push({ ef, recallAt10: found10 / measured.length, recallAt50: found50 / measured.length, latency: summarise(samples) });
  }

  let agreement = 0;
  const app = appWith(retriever);
  for (const q of measured) {
    const [a, b] = await Promise.all([search(app)(q), search(exactApp)(q)]);
    const truth = new Set(b.results.map((r) => r.url));
    agreement += truth.size === 0 ? 1 : a.results.filter((r) => truth.has(r.url)).length / truth.size;
  }

  return {
    size: passages.length,
    ef: settings.hnswEf,
    queries: measured.length,
    load: { ms: loadMs, rssMiB: memory.rss / 2 ** 20, heapMiB: memory.heapUsed / 2 ** 20 },
    latency,
    recall,
    hybridAgreement: agreement / measured.length,
    chat: await measureChat(appWith(retrieverWith(await loadHnswlib(index.vectorsPath, dimension, settings.hnswEf))), measured.slice(0, 140), warmup.slice(0, 20)),
  };
}

/** POST /api/chat per question: time to the first SSE event (a delta, or the decline) and to the end. */
async function measureChat(app: ReturnType<typeof createApp>, questions: readonly string[], warmup: readonly string[]) {
  const first: number[] = [];
  const complete: number[] = [];
  const ask = async (message: string, record: boolean) => {
    const started = performance.now();
    const res = await app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message, history: [] }) });
    if (res.status !== 200 || !res.body) throw new Error(`/api/chat answered ${res.status}: ${await res.text()}`);
    const reader = res.body.getReader();
    let firstAt: number | undefined;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) firstAt ??= performance.now();
    if (record) {
      first.push((firstAt ?? performance.now()) - started);
      complete.push(performance.now() - started);
    }
  };
  for (const q of warmup) await ask(q, false);
  for (const q of questions) await ask(q, true);
  return { firstEvent: summarise(first), complete: summarise(complete) };
}


