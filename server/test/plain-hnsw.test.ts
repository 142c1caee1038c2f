import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, isAuskunftError, passageEmbeddingText } from '@auskunft/core';
import hnswlib from 'hnswlib-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIndexFromDisk } from '../src/node/load-index.js';
import { loadHnswlibSearch } from '../src/vectors/hnswlib.js';
import { parseHnswFile } from '../src/vectors/hnsw-file.js';
import { loadPlainHnswSearch } from '../src/vectors/plain-hnsw.js';
import type { VectorSearch } from '../src/vectors/vector-search.js';
import { buildDemoIndex } from './demo-index.js';

/**
 * The Worker's plain-TypeScript HNSW search must answer like hnswlib-node on the same file.
 * Measured against it on the demo index and on larger random graphs with several levels.
 */
const QUESTIONS = [
  'Wie beantrage ich einen Schwerbehindertenausweis?',
  'Wer zahlt den Umbau meines Autos?',
  'Kündigungsschutz für schwerbehinderte Beschäftigte',
  'Welche Unterlagen brauche ich für den Antrag?',
  'Begleitende Hilfe im Arbeitsleben',
  'Zuschuss für einen behindertengerechten Arbeitsplatz',
  'Wie lange dauert die Bearbeitung?',
  'Öffnungszeiten und Telefonnummer des Inklusionsamts',
  'Gleichstellung mit schwerbehinderten Menschen',
  'Merkzeichen G im Ausweis',
  'Ausgleichsabgabe für Arbeitgeber',
  'Budget für Arbeit',
];

interface Comparison {
  recall: number;
  sameTop1: number;
  sameList: number;
  queries: number;
}

function compare(reference: VectorSearch, plain: VectorSearch, queries: Float32Array[], k: number): Comparison {
  let found = 0;
  let expected = 0;
  let sameTop1 = 0;
  let sameList = 0;
  for (const query of queries) {
    const want = reference.search(query, k).map((h) => h.id);
    const got = plain.search(query, k).map((h) => h.id);
    expected += want.length;
    found += got.filter((id) => want.includes(id)).length;
    if (got[0] === want[0]) sameTop1++;
    if (got.join() === want.join()) sameList++;
  }
  return { recall: found / expected, sameTop1, sameList, queries: queries.length };
}

describe('plain HNSW reader on the demo index', () => {
  let demo: Awaited<ReturnType<typeof buildDemoIndex>>;
  let reference: VectorSearch;
  let plain: VectorSearch;
  let queries: Float32Array[];
  let bytes: Uint8Array;
  let dimension: number;

  beforeAll(async () => {
    demo = await buildDemoIndex();
    const index = await loadIndexFromDisk(demo.outDir);
    dimension = index.manifest.embedder.dimension;
    bytes = await readFile(index.vectorsPath);
    reference = await loadHnswlibSearch(index.vectorsPath, dimension, 100);
    plain = loadPlainHnswSearch(bytes, dimension, 100);
    const embedder = createHashedNgramEmbedder();
    // Citizens' questions, and every passage as its own query (the hardest case for ties).
    queries = [
      ...(await embedder.embed(QUESTIONS, 'query')),
      ...(await embedder.embed(index.passages.map(passageEmbeddingText), 'passage')),
    ];
  });

  afterAll(() => demo.close());

  it('holds every passage', () => {
    expect(plain.size).toBe(reference.size);
  });

  it('finds what hnswlib-node finds: recall@10 ≥ 0.99 and the same best passage', () => {
    const result = compare(reference, plain, queries, 10);
    console.info(`plain HNSW vs hnswlib-node on the demo index (${result.queries} queries): recall@10 ${result.recall.toFixed(4)}, same top-1 ${result.sameTop1}/${result.queries}, identical top-10 lists ${result.sameList}/${result.queries}`);
    expect(result.recall).toBeGreaterThanOrEqual(0.99);
    expect(result.sameTop1).toBe(result.queries);
  });

  it('reports similarities like hnswlib-node', () => {
    for (const query of queries.slice(0, QUESTIONS.length)) {
      const want = reference.search(query, 5);
      const got = plain.search(query, 5);
      got.forEach((hit, i) => expect(hit.similarity).toBeCloseTo(want[i]!.similarity, 5));
    }
  });

  it('refuses a file written with another dimension or cut short, naming the problem', () => {
    const attempt = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        expect(isAuskunftError(error) && error.code).toBe('INDEX_CORRUPT');
        return (error as Error).message;
      }
      throw new Error('expected the reader to refuse the file');
    };
    expect(attempt(() => parseHnswFile(bytes, dimension * 2))).toContain(`the manifest says dimension ${dimension * 2}`);
    // Cut inside the level-0 records, whatever the upper levels of this graph look like.
    expect(attempt(() => parseHnswFile(bytes.subarray(0, Math.floor(bytes.byteLength / 2)), dimension))).toContain('truncated');
    expect(attempt(() => parseHnswFile(bytes.subarray(0, 40), dimension))).toContain('96-byte header');
  });
});

describe('plain HNSW reader on random multi-level graphs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'auskunft-hnsw-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** A deterministic pseudo-random generator (mulberry32), so failures can be reproduced. */
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  async function buildRandomIndex(count: number, dimension: number, m: number, deleteEvery = 0) {
    const next = random(count * 31 + dimension);
    const vector = () => Float32Array.from({ length: dimension }, () => next() * 2 - 1);
    const index = new hnswlib.HierarchicalNSW('cosine', dimension);
    index.initIndex(count, m, 100, 7);
    // Labels are shuffled against insertion order, so internal ids and labels differ.
    for (let i = 0; i < count; i++) index.addPoint(Array.from(vector()), (i * 7919) % count);
    if (deleteEvery > 0) for (let label = 0; label < count; label += deleteEvery) index.markDelete(label);
    const path = join(dir, `random-${count}-${dimension}-${deleteEvery}.hnsw`);
    await index.writeIndex(path);
    const bytes = await readFile(path);
    return { path, bytes, queries: Array.from({ length: 200 }, vector) };
  }

  it.each([
    { count: 3000, dimension: 24, m: 8, deleteEvery: 0, label: '3000 vectors of dimension 24, M=8' },
    { count: 2000, dimension: 64, m: 16, deleteEvery: 0, label: '2000 vectors of dimension 64, M=16' },
    { count: 2000, dimension: 24, m: 8, deleteEvery: 5, label: '2000 vectors of dimension 24, M=8, every 5th deleted' },
  ])('$label: recall@10 ≥ 0.99 against hnswlib-node', async ({ count, dimension, m, deleteEvery }) => {
    const { path, bytes, queries } = await buildRandomIndex(count, dimension, m, deleteEvery);
    const graph = parseHnswFile(bytes, dimension);
    expect(graph.maxLevel).toBeGreaterThan(1);
    const reference = await loadHnswlibSearch(path, dimension, 50);
    const plain = loadPlainHnswSearch(bytes, dimension, 50);
    const result = compare(reference, plain, queries, 10);
    console.info(`plain HNSW vs hnswlib-node, ${count}×${dimension}, M=${m}${deleteEvery ? `, every ${deleteEvery}th deleted` : ''}: recall@10 ${result.recall.toFixed(4)}, same top-1 ${result.sameTop1}/${result.queries}, identical lists ${result.sameList}/${result.queries}`);
    expect(result.recall).toBeGreaterThanOrEqual(0.99);
    expect(result.sameTop1).toBe(result.queries);
    if (deleteEvery) {
      const deletedLabels = new Set(Array.from({ length: Math.ceil(count / deleteEvery) }, (_, i) => i * deleteEvery));
      for (const query of queries) for (const hit of plain.search(query, 10)) expect(deletedLabels.has(hit.id)).toBe(false);
    }
  });
});
