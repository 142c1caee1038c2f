import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIndexFromDisk } from '../src/node/load-index.js';
import { createRetriever } from '../src/retrieve/retrieve.js';
import { loadHnswlibSearch } from '../src/vectors/hnswlib.js';
import { createVectorizeSearch, VECTORIZE_MAX_TOP_K, type VectorizeIndexBinding } from '../src/vectors/vectorize.js';
import { exportVectorizeNdjson } from '../src/export/vectorize-ndjson.js';
import { buildDemoIndex } from './demo-index.js';

/**
 * Cloudflare Vectorize cannot run locally ("Binding needs to be run remotely"), so the adapter is
 * tested against its documented interface: a stand-in that stores what `wrangler vectorize
 * insert` would upload from the exported NDJSON and answers `query()` as Vectorize does (cosine
 * similarity as score, best first, topK at most 100 without values or metadata, per namespace).
 */
interface StoredVector {
  id: string;
  values: number[];
  namespace?: string;
}

function fakeVectorize(vectors: readonly StoredVector[]) {
  const calls: Array<{ topK: number; namespace?: string; returnValues?: boolean; returnMetadata?: string }> = [];
  const binding: VectorizeIndexBinding = {
    async query(vector, options) {
      calls.push(options);
      if (options.topK > VECTORIZE_MAX_TOP_K) throw new Error(`VECTOR_QUERY_ERROR: topK ${options.topK} exceeds the limit of ${VECTORIZE_MAX_TOP_K}`);
      const query = Array.from(vector);
      const norm = Math.hypot(...query);
      const matches = vectors
        .filter((v) => v.namespace === options.namespace)
        .map((v) => ({ id: v.id, score: v.values.reduce((sum, x, i) => sum + x * query[i]!, 0) / (norm * Math.hypot(...v.values)) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, options.topK);
      return { count: matches.length, matches };
    },
  };
  return { binding, calls };
}

describe('Cloudflare Vectorize: export and adapter', () => {
  let demo: Awaited<ReturnType<typeof buildDemoIndex>>;
  let outDir: string;

  beforeAll(async () => {
    demo = await buildDemoIndex();
    outDir = await mkdtemp(join(tmpdir(), 'auskunft-vectorize-'));
  });
  afterAll(async () => {
    await demo.close();
    await rm(outDir, { recursive: true, force: true });
  });

  const uploaded = async () => {
    const lines: StoredVector[] = [];
    for (const file of (await readdir(outDir)).sort()) {
      for (const line of (await readFile(join(outDir, file), 'utf8')).split('\n')) if (line) lines.push(JSON.parse(line) as StoredVector);
    }
    return lines;
  };

  it('exports every passage vector once, as VectorizeVector lines in files of a bounded size', async () => {
    const { manifest, files } = await exportVectorizeNdjson({ indexDir: demo.outDir, outDir, perFile: 100 });
    const passages = manifest.counts.passages;
    expect(files.map((f) => f.name)).toEqual(Array.from({ length: Math.ceil(passages / 100) }, (_, i) => `vectors-00${i + 1}.ndjson`));
    expect(files.map((f) => f.vectors)).toEqual(Array.from({ length: files.length }, (_, i) => Math.min(100, passages - i * 100)));
    const vectors = await uploaded();
    expect(vectors.map((v) => v.id)).toEqual(Array.from({ length: passages }, (_, i) => `${manifest.version}/${i}`));
    expect(new Set(vectors.map((v) => v.namespace))).toEqual(new Set([manifest.version]));
    expect(vectors.every((v) => v.values.length === manifest.embedder.dimension && Math.abs(Math.hypot(...v.values) - 1) < 1e-4)).toBe(true);
  });

  it('finds the same passages through Vectorize as through the HNSW file on Node', async () => {
    const index = await loadIndexFromDisk(demo.outDir);
    const stored = await uploaded();
    // A vector of another index version in another namespace must never be returned.
    stored.push({ id: 'older-version/3', values: stored[0]!.values, namespace: 'older-version' });
    const { binding, calls } = fakeVectorize(stored);
    const embedder = createHashedNgramEmbedder();
    const common = { passages: index.passages, lexical: index.lexical, embedder, minVectorSimilarity: 0.3, vectorWeight: 0.5 };
    const onNode = createRetriever({ ...common, vectors: await loadHnswlibSearch(index.vectorsPath, index.manifest.embedder.dimension, 1000) });
    const onVectorize = createRetriever({ ...common, vectors: createVectorizeSearch(binding, { version: index.manifest.version, size: index.passages.length }) });
    for (const question of ['Wer zahlt den Umbau meines Autos?', 'Schwerbehindertenausweis verloren', 'Kündigungsschutz für schwerbehinderte Beschäftigte']) {
      const [a, b] = [await onNode.retrieve(question, 10), await onVectorize.retrieve(question, 10)];
      expect(b.passages.map((p) => p.passage.id), question).toEqual(a.passages.map((p) => p.passage.id));
      expect(b.passages[0]!.similarity).toBeCloseTo(a.passages[0]!.similarity, 4);
    }
    expect(calls.every((c) => c.namespace === index.manifest.version && c.returnValues === false && c.returnMetadata === 'none')).toBe(true);
    // A filtered search over-fetches neighbours; Vectorize caps them at 100.
    await onVectorize.retrieve('Antrag', 10, { prefix: '/inklusionsamt/' });
    expect(calls.at(-1)!.topK).toBe(Math.min(VECTORIZE_MAX_TOP_K, index.passages.length));
  });

  it('drops matches that cannot be passages of the served version', async () => {
    const { binding } = fakeVectorize([
      { id: 'v2/0', values: [1, 0], namespace: 'v2' },
      { id: 'v2/7', values: [0.9, 0.1], namespace: 'v2' },
      { id: 'v2/x', values: [0.8, 0.2], namespace: 'v2' },
      { id: 'v1/1', values: [1, 0], namespace: 'v2' },
    ]);
    const search = createVectorizeSearch(binding, { version: 'v2', size: 5 });
    expect((await search.search(new Float32Array([1, 0]), 10)).map((h) => h.id)).toEqual([0]);
  });
});
