import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHashedNgramEmbedder, passageEmbeddingText, type Passage } from '@auskunft/core';
import { writeIndex } from '@auskunft/crawler';
import { generateCorpus } from './corpus.js';
import type { SourceMaterial } from './source-material.js';

export interface BuildOptions {
  size: number;
  /** Directory for this size: gets `index/` (an index directory as `auskunft crawl` writes it) and `vectors.f32`. */
  dir: string;
  material: SourceMaterial;
  m: number;
  efConstruction: number;
}

export interface BuildStats {
  size: number;
  pages: number;
  /** Seconds per stage; `total` is embedding plus writing the index (what a crawl adds after fetching). */
  seconds: { generate: number; embed: number; lexical: number; vectors: number; files: number; total: number };
  passagesPerSecond: number;
  /** Peak resident memory of the building process (process.resourceUsage().maxRSS), MiB. */
  peakRssMiB: number;
  /** Bytes of each file of the index version. */
  files: Record<string, number>;
  m: number;
  efConstruction: number;
  builtAt: string;
}

/** Name of the raw vectors kept beside a bench index: exact search and recall need them. */
export const VECTORS_FILE = 'vectors.f32';
export const INDEX_SUBDIR = 'index';

/**
 * Generates the corpus, embeds it with the built-in embedder and writes an index version with the
 * crawler's own `writeIndex`, timing each stage. Run it in a fresh process per size so the peak
 * memory belongs to this size alone.
 */
export async function buildBenchIndex(options: BuildOptions): Promise<BuildStats> {
  const seconds = (since: number) => (performance.now() - since) / 1000;
  let started = performance.now();
  const passages = generateCorpus(options.size, options.material);
  const generate = seconds(started);

  started = performance.now();
  const embedder = createHashedNgramEmbedder();
  const vectors: Float32Array[] = [];
  for (let i = 0; i < passages.length; i += 256) {
    vectors.push(...(await embedder.embed(passages.slice(i, i + 256).map((p) => passageEmbeddingText(p)), 'passage')));
  }
  const embed = seconds(started);

  const indexDir = join(options.dir, INDEX_SUBDIR);
  await rm(options.dir, { recursive: true, force: true });
  await mkdir(indexDir, { recursive: true });
  const written = await writeIndex({
    outDir: indexDir,
    startUrls: ['https://www.lv-mittelrhein-ruhr.example/'],
    pages: countPages(passages),
    passages,
    vectors,
    embedder: { id: embedder.id, dimension: embedder.dimension! },
    hnsw: { m: options.m, efConstruction: options.efConstruction },
    startedAt: Date.now(),
  });
  const { lexicalMs, vectorsMs, filesMs } = written.timings;
  await writeFile(join(options.dir, VECTORS_FILE), concat(vectors));

  const files: Record<string, number> = {};
  for (const name of (await readdir(written.dir)).sort()) files[name] = (await stat(join(written.dir, name))).size;
  const total = embed + (lexicalMs + vectorsMs + filesMs) / 1000;
  return {
    size: passages.length,
    pages: countPages(passages),
    seconds: { generate, embed, lexical: lexicalMs / 1000, vectors: vectorsMs / 1000, files: filesMs / 1000, total },
    passagesPerSecond: passages.length / total,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    files,
    m: options.m,
    efConstruction: options.efConstruction,
    builtAt: new Date().toISOString(),
  };
}

function countPages(passages: readonly Passage[]): number {
  return new Set(passages.map((p) => p.url)).size;
}

function concat(vectors: readonly Float32Array[]): Uint8Array {
  const dimension = vectors[0]?.length ?? 0;
  const all = new Float32Array(vectors.length * dimension);
  vectors.forEach((v, i) => all.set(v, i * dimension));
  return new Uint8Array(all.buffer);
}
